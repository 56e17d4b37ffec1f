package lab.week06;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.Lanes;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A topic that keeps records for 1.5 s in segments of 300 ms (the broker checks retention every second in
 * the lab), or, in one test, keeps them forever by time but only 100 bytes per partition. Thirty orders per partition are written; the analytics group read five of them and went away.
 * While it was away, retention deleted the segment holding the rest; then the topic keeps everything, so
 * that the log starts hold still while the reader comes back.
 */
@Execution(ExecutionMode.CONCURRENT) // beside the main lane (see Lanes)
@ResourceLock(Lanes.EMBEDDED)
@WithKafka
@Tag("ex6.6")
@DisplayName("6.6 A consumer that fell off the log")
class ResumingReaderTest {

    private static final int WRITTEN = 30;
    private static final long COMMITTED = 5;
    private static final Duration POLL = Duration.ofMillis(200);

    @Test
    @DisplayName("counts the records deleted before it could read them")
    void countsLostRecords(KafkaLab kafka) throws Exception {
        var away = new Scenario(kafka, 2, COMMITTED).retentionDeletedTheRest();

        var reader = away.reader();
        var read = away.readUntilNew(reader);

        assertThat(reader.recordsLost()).as("records lost over both partitions: each partition's new log start %s minus the"
                + " committed offset %d (0 means the reset went unnoticed: is auto.offset.reset 'none'?)",
                away.logStarts, COMMITTED).isEqualTo(away.expectedLoss());
        assertThat(read).as("records read after the loss").isNotEmpty();
    }

    @Test
    @DisplayName("counts the records deleted by size retention too: retention.bytes, records kept forever by time")
    void countsRecordsDeletedBySize(KafkaLab kafka) throws Exception {
        var away = new Scenario(kafka, 2, COMMITTED, Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1",
                TopicConfig.RETENTION_BYTES_CONFIG, "100", TopicConfig.SEGMENT_MS_CONFIG, "300")).retentionDeletedTheRest();

        var reader = away.reader();
        away.readUntilNew(reader);

        assertThat(reader.recordsLost()).as("records lost when each partition may hold only 100 bytes: the new log"
                + " starts %s minus the committed offset %d", away.logStarts, COMMITTED).isEqualTo(away.expectedLoss());
    }

    @Test
    @DisplayName("goes on from the oldest record left, on every partition")
    void resumesAtLogStart(KafkaLab kafka) throws Exception {
        var away = new Scenario(kafka, 2, COMMITTED).retentionDeletedTheRest();

        var read = away.readUntilNew(away.reader());

        var first = new HashMap<Integer, Long>();
        read.forEach(record -> first.putIfAbsent(record.partition(), record.offset()));
        assertThat(first).as("the first offset read per partition: the log's start offset %s, the oldest record left",
                away.logStarts).isEqualTo(away.logStartsByPartition());
    }

    @Test
    @DisplayName("loses nothing, and counts nothing, when its position is still in the log")
    void nothingLostWhenInRange(KafkaLab kafka) throws Exception {
        var scenario = new Scenario(kafka, 1, COMMITTED);
        var reader = scenario.reader();

        var read = LabAwait.collect("the records after the committed offset " + COMMITTED,
                () -> reader.poll(POLL), WRITTEN - (int) COMMITTED, "");

        assertThat(reader.recordsLost()).as("records lost when nothing was deleted").isZero();
        assertThat(read.get(0).offset()).as("the first offset read: the committed one").isEqualTo(COMMITTED);
    }

    private static final class Scenario {
        private final KafkaLab kafka;
        private final String topic;
        private final String group;
        private final int partitions;
        private final List<Long> logStarts = new ArrayList<>();

        Scenario(KafkaLab kafka, int partitions, long committed) throws Exception {
            this(kafka, partitions, committed, Map.of(TopicConfig.RETENTION_MS_CONFIG, "1500", TopicConfig.SEGMENT_MS_CONFIG, "300"));
        }

        /** {@code retention}: the topic's retention and segment settings. */
        Scenario(KafkaLab kafka, int partitions, long committed, Map<String, String> retention) throws Exception {
            this.kafka = kafka;
            this.partitions = partitions;
            this.topic = kafka.uniqueName("orders");
            this.group = kafka.uniqueName("analytics");
            kafka.admin().createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(retention))).all().get();
            kafka.awaitTopicReady(topic);
            var orders = new ArrayList<ProducerRecord<String, String>>();
            for (int p = 0; p < partitions; p++) {
                for (int i = 0; i < WRITTEN; i++) {
                    orders.add(new ProducerRecord<>(topic, p, "o-" + i, "order.created"));
                }
            }
            kafka.produce(orders);
            var offsets = new HashMap<TopicPartition, OffsetAndMetadata>();
            for (int p = 0; p < partitions; p++) {
                offsets.put(new TopicPartition(topic, p), new OffsetAndMetadata(committed));
            }
            kafka.admin().alterConsumerGroupOffsets(group, offsets).all().get();
        }

        /**
         * Waits until retention deleted the first segment of every partition. A segment is closed (and can
         * expire) only when a later record rolls a new one, so each check appends a "tick" first.
         */
        Scenario retentionDeletedTheRest() throws Exception {
            LabAwait.until("retention to delete the orders' segment (log start offsets now " + logStarts + ")")
                    .atMost(Duration.ofSeconds(30)).until(() -> {
                        var ticks = new ArrayList<ProducerRecord<String, String>>();
                        for (int p = 0; p < partitions; p++) {
                            ticks.add(new ProducerRecord<>(topic, p, "tick", "tick"));
                        }
                        kafka.produce(ticks);
                        logStarts.clear();
                        logStarts.addAll(logStartsByPartition().values());
                        return logStarts.stream().allMatch(start -> start >= WRITTEN);
                    });
            keepEverythingFromNowOn();
            logStarts.clear();
            logStarts.addAll(logStartsByPartition().values());
            return this;
        }

        /**
         * The tests compare what the reader finds with the log starts measured here. Left on, retention would
         * go on deleting the ticks' segments, and a reader slower than 1.5 s (a busy machine) would start
         * further on: retention stops once it has deleted the orders, and the log starts are measured after.
         */
        private void keepEverythingFromNowOn() throws Exception {
            var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            kafka.admin().incrementalAlterConfigs(Map.of(resource, List.of(
                    new AlterConfigOp(new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, "-1"), AlterConfigOp.OpType.SET),
                    new AlterConfigOp(new ConfigEntry(TopicConfig.RETENTION_BYTES_CONFIG, "-1"), AlterConfigOp.OpType.SET))))
                    .all().get();
            LabAwait.until("the broker to keep " + topic + "'s records from now on").until(() -> "-1".equals(
                    kafka.admin().describeConfigs(List.of(resource)).all().get().get(resource)
                            .get(TopicConfig.RETENTION_MS_CONFIG).value()));
        }

        Map<Integer, Long> logStartsByPartition() throws Exception {
            var specs = new HashMap<TopicPartition, OffsetSpec>();
            for (int p = 0; p < partitions; p++) {
                specs.put(new TopicPartition(topic, p), OffsetSpec.earliest());
            }
            var starts = new java.util.TreeMap<Integer, Long>();
            kafka.admin().listOffsets(specs).all().get().forEach((partition, info) -> starts.put(partition.partition(), info.offset()));
            return starts;
        }

        long expectedLoss() {
            return logStarts.stream().mapToLong(start -> start - COMMITTED).sum();
        }

        ResumingReader reader() {
            var config = kafka.consumerConfig(group);
            config.remove(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG); // the reader's settings decide
            config.putAll(ResumingReader.settings());
            var consumer = kafka.newConsumer(config);
            consumer.subscribe(List.of(topic));
            return new ResumingReader(consumer);
        }

        /** Polls until every partition returned a record (the ticks written after the orders were deleted). */
        List<ConsumerRecord<String, String>> readUntilNew(ResumingReader reader) {
            var read = new ArrayList<ConsumerRecord<String, String>>();
            LabAwait.until("a record from each of the " + partitions + " partitions after the loss (if none came: did the"
                    + " consumer jump to the end of the log, past the records written after the loss?)").until(() -> {
                        reader.poll(POLL).forEach(read::add);
                        return read.stream().map(ConsumerRecord::partition).distinct().count() == partitions;
                    });
            return read;
        }
    }
}
