package lab.week02;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.IntStream;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Five orders, read two per poll by a consumer that commits automatically and dies at o-3 in its second
 * batch without closing (a crash does not close). A restarted consumer of the same group starts at the
 * last automatic commit. The consumers are one static member of the group (the same group.instance.id),
 * as a restarted pod of a service would be.
 *
 * <p>Why not assign() and the group for commits only: Kafka 4.3.1's group coordinator was seen here
 * to leave such commits (of a group with no members) unanswered for 30 to 90 s and more, when 2.5's
 * transactions had committed offsets to the same __consumer_offsets partition before. Commits of a
 * group's members were answered at once.
 */
@WithKafka
@Tag("ex2.11")
@DisplayName("2.11 Auto-commit and what a crash re-reads")
class AutoCommitSettingsTest {

    private static final Duration POLL = Duration.ofMillis(200);
    @Test
    @DisplayName("the settings switch auto-commit on, with the interval in milliseconds")
    void settingsSwitchAutoCommitOn() {
        var settings = AutoCommitSettings.commitEvery(Duration.ofSeconds(3));

        assertThat(String.valueOf(settings.get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG)))
                .as("settings: auto-commit switched on (%s; the test's consumers start with it off), in %s",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, settings).isEqualTo("true");
        assertThat(String.valueOf(settings.get(ConsumerConfig.AUTO_COMMIT_INTERVAL_MS_CONFIG)))
                .as("settings: an interval of 3 s, in milliseconds (%s), in %s",
                        ConsumerConfig.AUTO_COMMIT_INTERVAL_MS_CONFIG, settings).isEqualTo("3000");
    }

    @Test
    @DisplayName("committing on every poll: the crash re-reads only the batch it died in")
    void frequentCommitsRereadLittle(KafkaLab kafka) throws Exception {
        var scenario = new Scenario(kafka, AutoCommitSettings.commitEvery(Duration.ZERO));

        scenario.crashAtO3();
        scenario.restart();

        assertThat(scenario.committedBeforeRestart)
                .as("committed before the crash: auto-commit on, interval 0, so the poll after o-0 and o-1 commits 2").hasValue(2L);

        assertThat(scenario.handled).as("handled before the crash, then after the restart: o-2 comes twice")
                .containsExactly("o-0", "o-1", "o-2", "o-2", "o-3", "o-4");
    }

    @Test
    @DisplayName("committing once a minute: the crash re-reads everything since the start")
    void rareCommitsRereadMuch(KafkaLab kafka) throws Exception {
        var scenario = new Scenario(kafka, AutoCommitSettings.commitEvery(Duration.ofMinutes(1)));

        scenario.crashAtO3();
        scenario.restart();

        assertThat(scenario.committedBeforeRestart).as("committed before the crash: nothing yet, the minute had not passed").isEmpty();
        assertThat(scenario.handled).as("handled before the crash, then after the restart: o-0 to o-2 twice")
                .containsExactly("o-0", "o-1", "o-2", "o-0", "o-1", "o-2", "o-3", "o-4");
    }

    private static final class Scenario {
        private final KafkaLab kafka;
        private final TopicPartition partition;
        private final String group;
        private final Map<String, Object> settings;
        private final List<String> handled = new ArrayList<>();
        private OptionalLong committedBeforeRestart;

        Scenario(KafkaLab kafka, Map<String, Object> settings) throws Exception {
            this.kafka = kafka;
            this.settings = settings;
            this.partition = new TopicPartition(kafka.createTopic("orders", 1), 0);
            this.group = kafka.uniqueName("inventory");
            kafka.produce(IntStream.range(0, 5).mapToObj(i -> new ProducerRecord<>(partition.topic(), "o-" + i, "order.created")).toList());
        }

        /** Polls two records at a time, handling each, until it "dies" at o-3: no close, no final commit. */
        void crashAtO3() {
            var consumer = consumer();
            // A consumer that has run a while knows its group coordinator. A fresh one looks it up lazily
            // and skips an automatic commit due before the answer: on a slower broker (a container) the
            // commit after o-0 and o-1 would then depend on timing. Asking for the committed offset (none
            // yet) finds the coordinator first, so the scenario is the same on every broker.
            consumer.committed(Set.of(partition));
            LabAwait.until("the consumer to reach o-3").until(() -> {
                for (var record : consumer.poll(POLL)) {
                    if (record.key().equals("o-3")) {
                        landCommitsAlreadySent(consumer);
                        return true;   // the process died here; the consumer is never touched again
                    }
                    handled.add(record.key());
                }
                return false;
            });
        }

        /**
         * An automatic commit is asynchronous: the poll that handed out o-2 and o-3 sent "2" without
         * waiting for the answer. Whether a request under way survives a crash is up to timing, so the
         * scenario lets it land first: an empty commitSync returns once every pending asynchronous
         * commit is answered, and commits nothing of its own. A real crash may lose even that commit
         * and re-read one batch more; the lesson is the same.
         */
        private static void landCommitsAlreadySent(KafkaConsumer<String, String> consumer) {
            consumer.commitSync(Map.of());
        }

        void restart() throws Exception {
            committedBeforeRestart = committed();
            var consumer = consumer();
            handled.addAll(LabAwait.collect("the orders after the last commit",
                    () -> consumer.poll(POLL).records(partition).stream().map(ConsumerRecord::key).toList(),
                    5 - (int) committedBeforeRestart.orElse(0), ""));
        }

        OptionalLong committed() throws Exception {
            return kafka.committedOffset(group, partition);
        }

        private KafkaConsumer<String, String> consumer() {
            var config = kafka.manualCommitConfig(group); // off until the settings under test turn it on
            config.putAll(settings);
            // One static member: the restarted consumer, with the crashed one's instance id, takes its
            // partition over at once instead of waiting for the dead member's session to expire.
            config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, group + "-instance-1");
            config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2);
            var consumer = kafka.newConsumer(config);
            consumer.subscribe(List.of(partition.topic()));
            return consumer;
        }
    }
}
