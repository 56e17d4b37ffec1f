package lab.week07;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.management.ObjectName;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import lab.kit.report.BarChart;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The learner's storage settings, checked by arithmetic for four topics of the shop, then on a real broker:
 * the broker must accept them, the data must land in segments of that size (the broker's NumLogSegments),
 * and the audit topic must be flushed at every write while the others are not (the broker's
 * LogFlushStats). The broker runs in this JVM, so its metrics are read from this JVM's MBean server.
 */
@WithKafka
@Tag("ex7.15")
@DisplayName("7.15 Segments and flushes: what a write costs the broker")
class StorageSettingsTest {

    private static final long MIB = 1024 * 1024;
    private static final ObjectName FLUSHES = name("kafka.log:type=LogFlushStats,name=LogFlushRateAndTimeMs");
    private static final int WRITES = 200;

    private record Topic(String what, Duration retention, long bytesPerHour, long segmentBytes) {
    }

    @Test
    @DisplayName("a segment holds about a tenth of the retained data, within Kafka's bounds, and rolls within a tenth of the retention")
    void segmentsFitTheRetention() {
        var topics = List.of(
                new Topic("page views, a day at 100 MiB an hour", Duration.ofDays(1), 100 * MIB, 240 * MIB),
                new Topic("order events, 6 hours at 200 MiB an hour", Duration.ofHours(6), 200 * MIB, 120 * MIB),
                new Topic("metrics, a week at 10 GiB an hour: the ceiling", Duration.ofDays(7), 10_240 * MIB, StorageSettings.MAX_SEGMENT_BYTES),
                new Topic("refunds, an hour at 1 MiB an hour: the floor", Duration.ofHours(1), MIB, StorageSettings.MIN_SEGMENT_BYTES));
        for (var topic : topics) {
            var settings = StorageSettings.segmentsFor(topic.retention(), topic.bytesPerHour());
            var segmentBytes = number(settings, TopicConfig.SEGMENT_BYTES_CONFIG, StorageSettings.MAX_SEGMENT_BYTES);
            var segmentMs = number(settings, TopicConfig.SEGMENT_MS_CONFIG, Duration.ofDays(7).toMillis());
            var retention = topic.retention().toMillis();

            assertThat(number(settings, TopicConfig.RETENTION_MS_CONFIG, Duration.ofDays(7).toMillis()))
                    .as("retention.ms for %s: %s", topic.what(), settings).isEqualTo(retention);
            assertThat(segmentBytes).as("segment.bytes for %s: %s. Retention deletes whole segments, so a segment of a tenth of"
                    + " the retained data (%d MiB) or a bit less keeps data at most a tenth too long; much smaller means"
                    + " more files for nothing; and Kafka takes 1 MiB to 1 GiB", topic.what(), settings, topic.segmentBytes() / MIB)
                    .isBetween(Math.max(StorageSettings.MIN_SEGMENT_BYTES, topic.segmentBytes() / 2), topic.segmentBytes());
            assertThat(segmentMs).as("segment.ms for %s: %s. At low traffic a segment fills slowly, and the segment being"
                    + " written is never deleted: it must roll by time too, within a tenth of the retention (%d ms)",
                    topic.what(), settings, retention / 10).isBetween(retention / 20, retention / 10);
        }
    }

    @Test
    @DisplayName("the broker takes the settings, and 8 MiB of clicks land in segments of that size")
    void segmentsOnTheBroker(KafkaLab kafka) throws Exception {
        var settings = StorageSettings.segmentsFor(Duration.ofMinutes(10), 120 * MIB); // 20 MiB retained: 2 MiB segments
        var topic = create(kafka, "clicks", settings);
        var segmentBytes = number(settings, TopicConfig.SEGMENT_BYTES_CONFIG, StorageSettings.MAX_SEGMENT_BYTES);

        try (var producer = producer(kafka, Map.of(ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024))) {
            var click = new byte[1024];
            for (var i = 0; i < 8 * 1024; i++) {
                producer.send(new ProducerRecord<>(topic, click));
            }
            producer.flush();
        }
        var segments = brokerMetric(name("kafka.log:type=Log,name=NumLogSegments,topic=" + topic + ",partition=0"), "Value");

        System.out.printf("[lab] 7.15 8 MiB of clicks with segment.bytes %d: %d segments%n", segmentBytes, segments);
        assertThat(segments).as("segments of the topic after 8 MiB of 1 KiB records, with your %s (the broker's NumLogSegments)",
                settings).isBetween(8 * MIB / segmentBytes, 8 * MIB / segmentBytes + 2);
    }

    @Test
    @DisplayName("the audit topic is flushed to disk at every write, the others are left to the operating system; measured")
    void auditWritesAreFlushed(KafkaLab kafka) throws Exception {
        var audit = create(kafka, "audit", StorageSettings.fsyncEveryWrite());
        var orders = create(kafka, "orders", StorageSettings.segmentsFor(Duration.ofHours(6), 200 * MIB));

        var ordersRun = writeOneByOne(kafka, orders);
        var auditRun = writeOneByOne(kafka, audit);

        System.out.printf("[lab] 7.15 %d writes one at a time: orders %d flushes, median %.2f ms; audit %d flushes, median %.2f ms%n",
                WRITES, ordersRun.flushes(), ordersRun.medianMs(), auditRun.flushes(), auditRun.medianMs());
        new BarChart("7.15 median ms per write, acks=all, one at a time: left to the OS, or flushed at every write", "ms")
                .bar("orders (default)", ordersRun.medianMs()).bar("audit (flushed)", auditRun.medianMs()).write("week07-storage");
        assertThat(auditRun.flushes()).as("the broker's log flushes (LogFlushStats) during %d writes to the audit topic with"
                + " your %s: one per write, before the broker answers", WRITES, StorageSettings.fsyncEveryWrite())
                .isGreaterThanOrEqualTo(WRITES);
        assertThat(ordersRun.flushes()).as("the broker's log flushes during %d writes to the orders topic with %s: the"
                + " operating system writes the pages back in its own time", WRITES,
                StorageSettings.segmentsFor(Duration.ofHours(6), 200 * MIB)).isLessThan(WRITES / 10);
    }

    private record Run(long flushes, double medianMs) {
    }

    private static Run writeOneByOne(KafkaLab kafka, String topic) throws Exception {
        try (var producer = producer(kafka, Map.of(ProducerConfig.LINGER_MS_CONFIG, 0))) {
            producer.send(new ProducerRecord<>(topic, new byte[100])).get(10, TimeUnit.SECONDS); // connected, warm
            var before = brokerMetric(FLUSHES, "Count");
            var millis = new ArrayList<Double>();
            for (var i = 0; i < WRITES; i++) {
                var start = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, new byte[100])).get(10, TimeUnit.SECONDS);
                millis.add((System.nanoTime() - start) / 1e6);
            }
            var flushes = brokerMetric(FLUSHES, "Count") - before;
            millis.sort(Double::compare);
            return new Run(flushes, millis.get(millis.size() / 2));
        }
    }

    private static String create(KafkaLab kafka, String base, Map<String, String> settings) {
        try {
            return kafka.createTopic(base, 1, 1, settings);
        } catch (IllegalStateException e) {
            return fail("The broker refused a topic with your settings %s: %s", settings,
                    e.getCause() != null && e.getCause().getCause() != null ? e.getCause().getCause().getMessage() : e.getMessage());
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(KafkaLab kafka, Map<String, Object> settings) {
        var config = new HashMap<>(kafka.producerConfig());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.putAll(settings);
        return new KafkaProducer<>(config);
    }

    /** A metric of the broker running in this JVM; the test is skipped where the broker runs elsewhere. */
    private static long brokerMetric(ObjectName name, String attribute) throws Exception {
        var server = ManagementFactory.getPlatformMBeanServer();
        Assumptions.assumeTrue(server.isRegistered(name), "7.15 reads the broker's metrics in this JVM: run it on the"
                + " embedded broker (the default), not on " + System.getProperty("lab.broker"));
        return ((Number) server.getAttribute(name, attribute)).longValue();
    }

    private static long number(Map<String, String> settings, String key, long kafkaDefault) {
        var value = settings.get(key);
        return value == null ? kafkaDefault : Long.parseLong(value);
    }

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalArgumentException(name, e);
        }
    }
}
