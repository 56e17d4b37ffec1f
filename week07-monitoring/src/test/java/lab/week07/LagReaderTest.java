package lab.week07;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import lab.kit.process.KafkaCli;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders written with known timestamps, one second apart from {@link #FIRST_WRITTEN}, and a group whose
 * committed offsets the test sets: so the lag in records and in time is known exactly, and the clock the
 * reader is given is fixed.
 */
@WithKafka
@Tag("ex7.2")
@DisplayName("7.2 Consumer lag, in records and in time")
class LagReaderTest {

    private static final Instant FIRST_WRITTEN = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    @DisplayName("per partition, the records written and not yet read: the same as kafka-consumer-groups shows")
    void recordsBehindPerPartition(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 3);
        var group = kafka.uniqueName("analytics");
        write(kafka, topic, Map.of(0, 10, 1, 20, 2, 30));
        commit(kafka, group, topic, Map.of(0, 10L, 1, 5L, 2, 0L));

        var lags = reader(kafka, FIRST_WRITTEN.plus(Duration.ofHours(1))).lagOf(group);

        assertThat(recordsBehind(lags)).as("records behind per partition of %s: end offsets 10, 20, 30 minus the committed"
                + " 10, 5, 0 (not the log's start, not this consumer's position)", topic).isEqualTo(Map.of(0, 0L, 1, 15L, 2, 30L));
        assertThat(recordsBehind(lags)).as("records behind per partition, as kafka-consumer-groups --describe shows LAG")
                .isEqualTo(lagPerTool(kafka, group, topic));
    }

    @Test
    @DisplayName("lag in time: how long the oldest unread record has been waiting")
    void timeBehind(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 1);
        var group = kafka.uniqueName("analytics");
        write(kafka, topic, Map.of(0, 20));
        commit(kafka, group, topic, Map.of(0, 5L));
        var oldestUnread = FIRST_WRITTEN.plusSeconds(5);

        var lag = reader(kafka, oldestUnread.plusSeconds(90)).lagOf(group).get(new TopicPartition(topic, 0));

        assertThat(lag.behind()).as("time behind with offset 5 committed: record 5 was written 90 s before the clock's now"
                + " (record 4 was read already; record 19 is the newest, not the oldest waiting)").isEqualTo(Duration.ofSeconds(90));
        assertThat(lag.records()).as("records behind").isEqualTo(15);
    }

    @Test
    @DisplayName("a group that read everything is nothing behind, in records or in time")
    void caughtUp(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 1);
        var group = kafka.uniqueName("analytics");
        write(kafka, topic, Map.of(0, 20));
        commit(kafka, group, topic, Map.of(0, 20L));

        var lag = reader(kafka, FIRST_WRITTEN.plus(Duration.ofDays(1))).lagOf(group).get(new TopicPartition(topic, 0));

        assertThat(lag).as("the lag of a group that committed the end offset 20: no record waits, however old the last one")
                .isEqualTo(new PartitionLag(new TopicPartition(topic, 0), 20, 20, 0, Duration.ZERO));
    }

    private static LagReader reader(KafkaLab kafka, Instant now) {
        return new LagReader(kafka.admin(), kafka.newConsumerWithoutGroup(), Clock.fixed(now, ZoneOffset.UTC));
    }

    /** {@code counts}: records per partition, the i-th of each written at FIRST_WRITTEN + i seconds. */
    private static void write(KafkaLab kafka, String topic, Map<Integer, Integer> counts) throws Exception {
        var records = new ArrayList<ProducerRecord<String, String>>();
        counts.forEach((partition, count) -> {
            for (int i = 0; i < count; i++) {
                records.add(new ProducerRecord<>(topic, partition, FIRST_WRITTEN.plusSeconds(i).toEpochMilli(), "o-" + i, "order.created"));
            }
        });
        kafka.produce(records);
    }

    private static void commit(KafkaLab kafka, String group, String topic, Map<Integer, Long> offsets) throws Exception {
        var committed = new HashMap<TopicPartition, OffsetAndMetadata>();
        offsets.forEach((partition, offset) -> committed.put(new TopicPartition(topic, partition), new OffsetAndMetadata(offset)));
        kafka.admin().alterConsumerGroupOffsets(group, committed).all().get();
    }

    private static Map<Integer, Long> recordsBehind(Map<TopicPartition, PartitionLag> lags) {
        var behind = new TreeMap<Integer, Long>();
        lags.forEach((partition, lag) -> behind.put(partition.partition(), lag.records()));
        return behind;
    }

    /** The LAG column of {@code kafka-consumer-groups --describe}, per partition of {@code topic}. */
    private static Map<Integer, Long> lagPerTool(KafkaLab kafka, String group, String topic) {
        var result = KafkaCli.run(KafkaCli.Tool.CONSUMER_GROUPS, "--bootstrap-server", kafka.bootstrapServers(), "--describe",
                "--group", group);
        assertThat(result.exitCode()).as("kafka-consumer-groups --describe: %s", result.output()).isZero();
        var lags = new TreeMap<Integer, Long>();
        for (var line : result.output().split("\n")) {
            var columns = line.trim().split("\\s+");
            if (columns.length >= 6 && columns[0].equals(group) && columns[1].equals(topic)) {
                lags.put(Integer.parseInt(columns[2]), Long.parseLong(columns[5]));
            }
        }
        return lags;
    }
}
