package lab.week07;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import lab.kit.junit.Background;
import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import lab.kit.load.LoadPlan;
import lab.kit.load.LoadRun;
import lab.kit.load.Workload;
import lab.kit.report.BarChart;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The learner's two consumer profiles, reading the same stream at the same time on a real broker:
 * records of 200 B at 2,000 a second for 4 s (the lab's load tool), each consumer in its own group. The
 * tests check directions, never absolute speeds: many more records per fetch with the throughput profile,
 * a much lower median latency (from the record's timestamp to its poll) with the latency profile.
 */
@WithKafka
@Tag("ex7.13")
@DisplayName("7.13 Tuning the consumer: fetch size or latency")
class ConsumerTuningTest {

    private static final int RECORDS = 8000;
    private static Runs runs;

    @Test
    @DisplayName("the throughput profile brings at least 4 times as many records per fetch as the latency profile")
    void fullerFetches(KafkaLab kafka) {
        var measured = runs(kafka);

        assertThat(measured.throughput.perFetch).as("records per fetch with forThroughput(), beside %.1f with forLatency():"
                + " does the broker wait for more before it answers (fetch.min.bytes, fetch.max.wait.ms)? max.poll.records"
                + " only splits what a fetch brought", measured.latency.perFetch).isGreaterThanOrEqualTo(4 * measured.latency.perFetch);
    }

    @Test
    @DisplayName("the latency profile halves the median time from write to poll of the throughput profile, or better")
    void soonerRecords(KafkaLab kafka) {
        var measured = runs(kafka);

        assertThat(measured.latency.medianMs).as("median ms from a record's timestamp to its poll with forLatency(), beside"
                + " %d ms with forThroughput(): does a fetch still wait for bytes?", measured.throughput.medianMs)
                .isLessThanOrEqualTo(measured.throughput.medianMs / 2);
    }

    private static synchronized Runs runs(KafkaLab kafka) {
        if (runs == null) {
            runs = new Runs(kafka);
        }
        return runs;
    }

    /** What one consumer saw: records per fetch (its own metric) and the median latency. */
    private record Reading(double perFetch, long medianMs) {
    }

    /** Both profiles on the same stream, once per JVM, and drawn. */
    private static final class Runs {
        private final Reading throughput;
        private final Reading latency;

        Runs(KafkaLab kafka) {
            var forThroughput = ConsumerTuning.forThroughput(); // first: an unfinished profile fails before any load
            var forLatency = ConsumerTuning.forLatency();
            var topic = kafka.createTopic("payments", 3);
            var reading = new AtomicBoolean(true);
            var latencies = Map.of("throughput", Collections.synchronizedList(new ArrayList<Long>()),
                    "latency", Collections.synchronizedList(new ArrayList<Long>()));
            var perFetch = new HashMap<String, Double>();
            var assigned = new java.util.concurrent.atomic.AtomicInteger();
            var consumers = List.of(
                    Background.start("throughput-consumer", () -> read(kafka, topic, forThroughput, latencies.get("throughput"), perFetch,
                            "throughput", reading, assigned)),
                    Background.start("latency-consumer", () -> read(kafka, topic, forLatency, latencies.get("latency"), perFetch,
                            "latency", reading, assigned)));
            try {
                // Both read from the first record on, as it is written: latency, not the time to catch up.
                consumers.get(0).awaitUntil("both consumers to have their partitions", () -> assigned.get() == 2);
                LoadRun.run(new LoadPlan(kafka.bootstrapServers(), topic, Workload.fixedSize(200), 2000, RECORDS, null, false,
                        Map.of()), line -> { });
                for (var consumer : consumers) {
                    consumer.awaitUntil("both consumers to read the " + RECORDS + " records",
                            () -> latencies.values().stream().allMatch(list -> list.size() >= RECORDS));
                }
            } finally {
                reading.set(false);
                for (var consumer : consumers) {
                    try {
                        consumer.ended(Duration.ofSeconds(10));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            throughput = new Reading(perFetch.get("throughput"), median(latencies.get("throughput")));
            latency = new Reading(perFetch.get("latency"), median(latencies.get("latency")));
            System.out.printf("[lab] 7.13 forThroughput(): %.1f records per fetch, median %d ms; forLatency(): %.1f records per"
                    + " fetch, median %d ms%n", throughput.perFetch, throughput.medianMs, latency.perFetch, latency.medianMs);
            new BarChart("7.13 the two consumer profiles on one stream of 2,000 records/s: median ms from write to poll", "ms")
                    .bar("forLatency()", latency.medianMs).bar("forThroughput()", throughput.medianMs).write("week07-consumer-tuning");
        }

        private static void read(KafkaLab kafka, String topic, Map<String, Object> profile, List<Long> latencies,
                                 Map<String, Double> perFetch, String name, AtomicBoolean reading,
                                 java.util.concurrent.atomic.AtomicInteger assigned) {
            var config = new HashMap<>(kafka.consumerConfig(kafka.uniqueName(name)));
            config.put(org.apache.kafka.clients.consumer.ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            config.put(org.apache.kafka.clients.consumer.ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            config.putAll(profile);
            try (var consumer = new KafkaConsumer<byte[], byte[]>(config)) {
                consumer.subscribe(List.of(topic));
                var counted = false;
                while (reading.get() && latencies.size() < RECORDS) {
                    for (var record : consumer.poll(Duration.ofMillis(100))) {
                        latencies.add(System.currentTimeMillis() - record.timestamp());
                    }
                    if (!counted && consumer.assignment().size() == 3) {
                        counted = true;
                        assigned.incrementAndGet();
                    }
                }
                consumer.metrics().forEach((metricName, metric) -> {
                    if (metricName.group().equals("consumer-fetch-manager-metrics") && metricName.name().equals("records-per-request-avg")
                            && metricName.tags().size() == 1) {
                        synchronized (perFetch) {
                            perFetch.put(name, (Double) metric.metricValue());
                        }
                    }
                });
            }
        }

        private static long median(List<Long> values) {
            var sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            return sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
        }
    }
}
