package lab.week07;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import lab.kit.junit.KafkaLab;
import lab.kit.junit.Lanes;
import lab.kit.junit.WithKafka;
import lab.kit.monitoring.PrometheusServer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The learner's Micrometer meters over a real producer and consumer: bound before the first record, read
 * after 3,000 orders (lz4, 20 ms linger, partitions of unequal size), compared with the clients' own
 * metrics, and scraped by a real Prometheus for the lab's clients dashboard.
 */
@Execution(ExecutionMode.CONCURRENT) // it mostly waits: beside the main lane (see Lanes)
@ResourceLock(Lanes.WAITS)
@WithKafka
@Tag("ex7.7")
@DisplayName("7.7 The clients' metrics, in Prometheus")
class ClientMetricsTest {

    private static final Path DASHBOARD = Path.of("monitoring", "grafana", "kafka-clients.json");
    private static final int ORDERS = 3000;
    private static Traffic traffic;

    @Test
    @DisplayName("the producer's four meters, under their Prometheus names, equal to the producer's own metrics")
    void producerMeters(KafkaLab kafka) {
        var run = traffic(kafka);

        assertMeter(run, "kafka_producer_batch_size_bytes", run.producerId, "producer-metrics", "batch-size-avg", 1);
        assertMeter(run, "kafka_producer_compression_ratio", run.producerId, "producer-metrics", "compression-rate-avg", 1);
        assertMeter(run, "kafka_producer_request_latency_seconds", run.producerId, "producer-metrics", "request-latency-avg", 1e-3);
        assertMeter(run, "kafka_producer_record_queue_time_seconds", run.producerId, "producer-metrics", "record-queue-time-avg", 1e-3);
    }

    @Test
    @DisplayName("the consumer's two meters: the client's largest lag (not one partition's) and the fetch latency in seconds")
    void consumerMeters(KafkaLab kafka) {
        var run = traffic(kafka);

        assertMeter(run, "kafka_consumer_lag_max_records", run.consumerId, "consumer-fetch-manager-metrics", "records-lag-max", 1);
        assertMeter(run, "kafka_consumer_fetch_latency_seconds", run.consumerId, "consumer-fetch-manager-metrics", "fetch-latency-avg", 1e-3);
    }

    @Test
    @DisplayName("live: a real Prometheus scrapes the meters, and every panel of the lab's clients dashboard has data")
    void dashboardPanelsHaveData(KafkaLab kafka) throws Exception {
        assumeThat(PrometheusServer.installed()).as(PrometheusServer.MISSING).isTrue();
        var run = traffic(kafka);
        var endpoint = HTTPServer.builder().hostname("127.0.0.1").port(0).registry(run.registry.getPrometheusRegistry()).buildAndStart();
        try (var prometheus = kafka.closeAfterTest(PrometheusServer.builder().scrapeInterval(Duration.ofSeconds(1))
                .target("shop-services", "127.0.0.1:" + endpoint.getPort(), Map.of()).start())) {
            prometheus.awaitTargetsUp(Duration.ofSeconds(30));

            Dashboards.assertEveryPanelHasData(DASHBOARD, prometheus);
        } finally {
            endpoint.close();
        }
    }

    private static void assertMeter(Traffic run, String name, String clientId, String group, String metric, double scale) {
        var raw = clientWide(run.metricsOf(clientId), group, metric);
        var samples = Scrape.parse(run.registry.scrape()).named(name);
        assertThat(samples).as("samples named %s in the registry's scrape (names there: %s)", name,
                Scrape.parse(run.registry.scrape()).names()).isNotEmpty();
        assertThat(samples).as("%s: one series, with the label client_id=\"%s\"", name, clientId).singleElement()
                .satisfies(sample -> assertThat(sample.labels()).containsEntry("client_id", clientId));
        var expected = raw * scale;
        assertThat(samples.get(0).value()).as("%s after %d orders reads NaN: the gauge found no metric, or its object was"
                + " garbage-collected (Micrometer holds a gauge's object weakly)", name, ORDERS).isNotNaN();
        assertThat(samples.get(0).value()).as("%s after %d orders: the client's %s %s is %s%s", name, ORDERS, group, metric, raw,
                scale == 1 ? "" : " ms, so " + expected + " s").isCloseTo(expected, Percentage.withPercentage(1));
    }

    /** The client-wide value: the metric whose only tag is the client's id. */
    private static double clientWide(Map<MetricName, ? extends Metric> metrics, String group, String metric) {
        return metrics.entrySet().stream().filter(entry -> entry.getKey().group().equals(group)
                        && entry.getKey().name().equals(metric) && entry.getKey().tags().size() == 1)
                .map(entry -> (Double) entry.getValue().metricValue()).findFirst()
                .orElseThrow(() -> new AssertionError("the client has no client-wide " + group + " " + metric));
    }

    private static synchronized Traffic traffic(KafkaLab kafka) {
        if (traffic == null) {
            traffic = new Traffic(kafka);
        }
        return traffic;
    }

    @AfterAll
    static synchronized void closeClients() {
        if (traffic != null) {
            traffic.close();
        }
    }

    /**
     * One producer and one consumer, bound before any record, then 3,000 orders written and read; kept
     * open for every test of the class (closed clients drop their metrics), closed after the last.
     */
    private static final class Traffic implements AutoCloseable {
        private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        private final String producerId;
        private final String consumerId;
        private final KafkaProducer<String, String> producer;
        private final KafkaConsumer<String, String> consumer;

        Traffic(KafkaLab kafka) {
            var topic = kafka.createTopic("orders", 3);
            producerId = kafka.uniqueName("order-service");
            consumerId = kafka.uniqueName("analytics");
            var producerConfig = kafka.producerConfig();
            producerConfig.putAll(Map.of(ProducerConfig.CLIENT_ID_CONFIG, producerId,
                    ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4", ProducerConfig.LINGER_MS_CONFIG, 20));
            producer = new KafkaProducer<>(producerConfig);
            var consumerConfig = kafka.consumerConfig(kafka.uniqueName("analytics"));
            consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, consumerId);
            consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
            consumer = new KafkaConsumer<>(consumerConfig);
            try {
                run(topic);
            } catch (RuntimeException | Error e) {
                close();
                throw e;
            }
        }

        private void run(String topic) {
            // Both bound before the first record: the meters must read the values as they are, not as they were.
            ClientMetrics.bindProducer(producer.metrics(), registry);
            ClientMetrics.bindConsumer(consumer.metrics(), registry);
            for (int i = 0; i < ORDERS; i++) {
                // Unequal partitions (2,000, 600, 400): one partition's lag is not the client's largest.
                var partition = i < 2000 ? 0 : i < 2600 ? 1 : 2;
                producer.send(new ProducerRecord<>(topic, partition, "o-" + i,
                        "{\"type\":\"order.created\",\"orderId\":\"o-" + i + "\",\"items\":[{\"sku\":\"sku-1\",\"quantity\":1}]}"));
            }
            producer.flush();
            consumer.subscribe(java.util.List.of(topic));
            var read = new ArrayList<String>();
            var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (read.size() < ORDERS && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> read.add(record.key()));
            }
            assertThat(read).as("orders read back for the consumer's metrics").hasSize(ORDERS);
            // A service runs for days: its meters must survive garbage collections. Micrometer holds a gauge's
            // object weakly, and a gauge whose object was collected reads NaN.
            System.gc();
        }

        @Override
        public void close() {
            producer.close(Duration.ofSeconds(5));
            consumer.close(Duration.ofSeconds(5));
        }

        Map<MetricName, ? extends Metric> metricsOf(String clientId) {
            return clientId.equals(producerId) ? producer.metrics() : consumer.metrics();
        }
    }
}
