package lab.week08;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The learner's compacted topic on a real broker, whose log cleaner runs every half second (the kit's
 * setting): 20 customers written 3 times each, 5 of them then forgotten, while a clock key keeps the log
 * moving. The cleaner must leave each customer's latest profile, keep the forgotten ones' tombstones for a
 * while, then drop those keys; the learner's reader must hold what the topic holds.
 */
@WithKafka
@Tag("ex8.8")
@DisplayName("8.8 Compaction: the latest profile per customer, and customers forgotten")
class CustomerProfilesTest {

    private static final Duration ROLL_AFTER = Duration.ofMillis(500);
    private static final Duration KEEP_DELETES_FOR = Duration.ofSeconds(2);
    private static final Duration CLEANING = Duration.ofSeconds(20);

    @Test
    @DisplayName("a reader keeps the latest profile per customer, and drops a forgotten customer")
    void readerKeepsTheLatest() {
        var records = List.of(record(0, "c-1", "v1"), record(1, "c-2", "v1"), record(2, "c-1", "v2"), record(3, "c-2", null),
                record(4, "c-3", "v1"), record(5, "c-3", null), record(6, "c-3", "v2"));

        assertThat(CustomerProfiles.latest(records)).as("latest() of c-1 v1, c-2 v1, c-1 v2, c-2 forgotten, c-3 v1, c-3 forgotten,"
                + " c-3 v2 (back again)").isEqualTo(Map.of("c-1", "v2", "c-3", "v2"));
    }

    @Test
    @DisplayName("forgetting a customer is a tombstone: the key, and no value")
    void forgetIsATombstone() {
        var record = CustomerProfiles.forget("shop.customers", "c-7");

        assertThat(record.topic()).isEqualTo("shop.customers");
        assertThat(record.key()).as("the tombstone's key: the customer to forget").isEqualTo("c-7");
        assertThat(record.value()).as("the tombstone's value: none at all (an empty profile is still a profile)").isNull();
    }

    @Test
    @DisplayName("the cleaner keeps each customer's latest profile and the tombstones, then drops the forgotten keys")
    void cleanerCompactsAndForgets(KafkaLab kafka) throws Exception {
        var settings = CustomerProfiles.topicConfigs(ROLL_AFTER, KEEP_DELETES_FOR);
        var topic = kafka.createTopic("customers", 1, 1, settings);
        var expected = new HashMap<String, String>();
        try (var producer = kafka.newProducer()) {
            for (var version = 1; version <= 3; version++) {
                for (var customer = 0; customer < 20; customer++) {
                    producer.send(new ProducerRecord<>(topic, "c-" + customer, "profile v" + version));
                    expected.put("c-" + customer, "profile v" + version);
                }
            }
            for (var customer = 0; customer < 5; customer++) {
                producer.send(CustomerProfiles.forget(topic, "c-" + customer));
                expected.remove("c-" + customer);
            }
            producer.flush();
        }
        var ticking = new AtomicBoolean(true);
        var clock = new Thread(() -> tick(kafka, topic, ticking), "clock");
        clock.start();
        try {
            var compacted = awaitLog(kafka, topic, "each customer's records reduced to one", log -> customers(log).stream()
                    .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting())).values().stream().allMatch(n -> n == 1), settings);
            var forgotten = customers(compacted).stream().filter(r -> Integer.parseInt(r.key().substring(2)) < 5).toList();

            assertThat(forgotten).as("the records of the 5 forgotten customers once compacted, with your %s: each a tombstone"
                    + " (value null) for %s, so a reader starting now still learns they are gone", settings, KEEP_DELETES_FOR)
                    .hasSize(5).allMatch(r -> r.value() == null);

            var cleaned = awaitLog(kafka, topic, "the forgotten customers' keys gone altogether", log -> customers(log).stream()
                    .noneMatch(r -> Integer.parseInt(r.key().substring(2)) < 5), settings);

            assertThat(CustomerProfiles.latest(customers(cleaned))).as("latest() of the cleaned topic").isEqualTo(expected);
        } finally {
            ticking.set(false);
            clock.join();
        }
    }

    /** A clock key written every 100 ms: it rolls segments and keeps the log dirty, so the cleaner keeps coming back. */
    private static void tick(KafkaLab kafka, String topic, AtomicBoolean ticking) {
        try (var producer = kafka.newProducer()) {
            for (var tick = 0; ticking.get(); tick++) {
                producer.send(new ProducerRecord<>(topic, "clock", Integer.toString(tick)));
                Thread.sleep(100); // the clock's pace, not a wait for a result
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<ConsumerRecord<String, String>> customers(List<ConsumerRecord<String, String>> log) {
        return log.stream().filter(r -> r.key().startsWith("c-")).toList();
    }

    /** Reads the whole topic again and again until {@code done} holds for it; fails showing the last read. */
    private static List<ConsumerRecord<String, String>> awaitLog(KafkaLab kafka, String topic, String what,
                                                               java.util.function.Predicate<List<ConsumerRecord<String, String>>> done,
                                                               Map<String, String> settings) {
        var deadline = System.nanoTime() + CLEANING.toNanos();
        List<ConsumerRecord<String, String>> log = List.of();
        while (System.nanoTime() < deadline) {
            log = TopicLog.read(kafka, topic);
            if (done.test(log)) {
                return log;
            }
            try {
                Thread.sleep(200); // between two reads of the log
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        var counts = customers(log).stream().collect(Collectors.groupingBy(ConsumerRecord::key, java.util.TreeMap::new, Collectors.counting()));
        return fail("Waited %d s for %s, with your topic configs %s. The customers' records in the topic now, per key: %s"
                + " (the log cleaner cleans only closed segments, when enough of the log is dirty, and drops a tombstone"
                + " delete.retention.ms after it first cleaned it)", CLEANING.toSeconds(), what, settings, counts);
    }

    private static ConsumerRecord<String, String> record(long offset, String key, String value) {
        return new ConsumerRecord<>("shop.customers", 0, offset, 0L, TimestampType.CREATE_TIME, 0, 0, key, value,
                new org.apache.kafka.common.header.internals.RecordHeaders(), java.util.Optional.empty());
    }
}
