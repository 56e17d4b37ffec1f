package lab.week07;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Windows of three samples, first written out (each rule, and which one wins), then taken from a real
 * group whose consumer keeps up, slows down, gets stuck, goes away and comes back.
 */
@WithKafka
@Tag("ex7.5")
@DisplayName("7.5 A consumer group's status, from its lag over time")
class LagStatusTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    @DisplayName("committing and catching up is OK, whatever the lag")
    void catchingUp() {
        var status = LagStatus.of(window(new long[] {0, 900, 1_800}, new long[] {5_000, 5_500, 6_000}, 1));

        assertThat(status).as("lag 5,000, 4,600, 4,200: falling at each look").isEqualTo(GroupStatus.OK);
    }

    @Test
    @DisplayName("lag that grew at every look, while committing, is LAGGING")
    void lagging() {
        var status = LagStatus.of(window(new long[] {0, 100, 200}, new long[] {200, 500, 800}, 1));

        assertThat(status).as("lag 200, 400, 600 with commits moving on: slower than the producers").isEqualTo(GroupStatus.LAGGING);
    }

    @Test
    @DisplayName("lag that fell once in the window is not LAGGING: the whole window counts, not its two ends")
    void dipIsNotLagging() {
        var status = LagStatus.of(window(new long[] {0, 400, 500}, new long[] {200, 500, 900}, 1));

        assertThat(status).as("lag 200, 100, 400: it caught up once in between").isEqualTo(GroupStatus.OK);
    }

    @Test
    @DisplayName("members there, records waiting, nothing committed in the whole window: STALLED")
    void stalled() {
        var status = LagStatus.of(window(new long[] {300, 300, 300}, new long[] {400, 400, 400}, 2));

        assertThat(status).as("committed 300 at every look, 100 records waiting, 2 members").isEqualTo(GroupStatus.STALLED);
    }

    @Test
    @DisplayName("a commit anywhere in the window is progress, not a stall")
    void progressEarlierInWindow() {
        var status = LagStatus.of(window(new long[] {100, 300, 300}, new long[] {400, 400, 400}, 2));

        assertThat(status).as("committed 100, 300, 300: it moved in the window, and its lag fell").isEqualTo(GroupStatus.OK);
    }

    @Test
    @DisplayName("no members while records wait is STOPPED, not STALLED")
    void stopped() {
        var status = LagStatus.of(window(new long[] {300, 300, 300}, new long[] {400, 450, 500}, 0));

        assertThat(status).as("no member at the last look, 200 records waiting").isEqualTo(GroupStatus.STOPPED);
    }

    @Test
    @DisplayName("nothing waiting is OK, even with no members: a batch job that finished")
    void caughtUpWithoutMembers() {
        var status = LagStatus.of(window(new long[] {300, 400, 500}, new long[] {300, 400, 500}, 0));

        assertThat(status).as("lag 0 at the last look, no members").isEqualTo(GroupStatus.OK);
    }

    @Test
    @DisplayName("one sample shows no trend: refused")
    void needsTwoSamples() {
        var refused = catchThrowable(() -> LagStatus.of(window(new long[] {0}, new long[] {10}, 1)));

        assertThat(refused).as("LagStatus.of() with one sample").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a real group: keeps up, slows down, gets stuck, goes away, comes back")
    void realGroup(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 1);
        var group = kafka.uniqueName("analytics");
        var reader = new LagReader(kafka.admin(), kafka.newConsumerWithoutGroup(), Clock.systemUTC());
        var samples = new ArrayList<GroupSample>();
        var statuses = new ArrayList<String>();
        var consumer = consumer(kafka, group, topic);

        for (var phase : List.of("keeps up", "slows down", "gets stuck")) {
            for (int round = 0; round < 3; round++) {
                write(kafka, topic, 20);
                var wanted = switch (phase) {
                    case "keeps up" -> 20;
                    case "slows down" -> 10;
                    default -> 0;
                };
                consume(consumer, wanted);
                samples.add(sample(kafka, reader, group));
            }
            statuses.add(phase + ": " + LagStatus.of(lastThree(samples)));
        }
        consumer.close();
        for (int round = 0; round < 3; round++) {
            write(kafka, topic, 20);
            samples.add(sample(kafka, reader, group));
        }
        statuses.add("goes away: " + LagStatus.of(lastThree(samples)));
        var back = consumer(kafka, group, topic);
        var waiting = samples.get(samples.size() - 1).lag();
        for (int round = 0; round < 3; round++) {
            consume(back, (int) Math.min(waiting, Integer.MAX_VALUE));
            waiting = 0;
            samples.add(sample(kafka, reader, group));
        }
        statuses.add("comes back: " + LagStatus.of(lastThree(samples)));

        assertThat(statuses).as("the status after each phase; the samples (committed/end/members): %s", samples)
                .containsExactly("keeps up: OK", "slows down: LAGGING", "gets stuck: STALLED", "goes away: STOPPED", "comes back: OK");
    }

    /** Three samples a minute apart with these committed and end offsets (summed over partitions) and members. */
    private static List<GroupSample> window(long[] committed, long[] end, int members) {
        return IntStream.range(0, committed.length)
                .mapToObj(i -> new GroupSample(START.plus(Duration.ofMinutes(i)), committed[i], end[i], members)).toList();
    }

    private static List<GroupSample> lastThree(List<GroupSample> samples) {
        return List.copyOf(samples.subList(samples.size() - 3, samples.size()));
    }

    private static KafkaConsumer<String, String> consumer(KafkaLab kafka, String group, String topic) {
        var config = kafka.manualCommitConfig(group);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10); // so "slows down" can take exactly 10 per round
        var consumer = kafka.newConsumer(config);
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static void write(KafkaLab kafka, String topic, int count) throws Exception {
        kafka.produce(IntStream.range(0, count).mapToObj(i -> new ProducerRecord<>(topic, "o-" + i, "order.created")).toList());
    }

    /** Processes exactly {@code count} records and commits them; with 0 it still polls, so it stays a member. */
    private static void consume(KafkaConsumer<String, String> consumer, int count) {
        var taken = new int[] {0};
        LabAwait.until(count + " records for the group").untilAsserted(() -> {
            if (count == 0) {
                consumer.poll(Duration.ofMillis(100));
                assertThat(consumer.assignment()).as("the consumer's partitions: it is a member").isNotEmpty();
                return;
            }
            for (var record : consumer.poll(Duration.ofMillis(100))) {
                if (taken[0] == count) {
                    consumer.seek(new org.apache.kafka.common.TopicPartition(record.topic(), record.partition()), record.offset());
                    break;
                }
                taken[0]++;
            }
            assertThat(taken[0]).as("records processed").isEqualTo(count);
        });
        if (count > 0) {
            consumer.commitSync();
        }
    }

    private static GroupSample sample(KafkaLab kafka, LagReader reader, String group) throws Exception {
        long committed = 0;
        long end = 0;
        for (var lag : reader.lagOf(group).values()) {
            committed += lag.committed();
            end += lag.end();
        }
        var members = kafka.admin().describeConsumerGroups(List.of(group)).all().get().get(group).members().size();
        return new GroupSample(Instant.now(), committed, end, members);
    }
}
