package lab.week07;

import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Exercise 7.7: the clients' side. A broker sees requests; only the producer sees how long a record
 * waited in its buffer, and only the consumer knows how far behind it is. Kafka's clients keep these
 * numbers in their {@code metrics()} map; a service exports the few that matter as Micrometer meters,
 * in base units (seconds, bytes), which Prometheus then scrapes with the service's other metrics.
 */
public final class ClientMetrics {

    private ClientMetrics() {
    }

    /** Registers the producer's four meters of the README's table, read live from {@code metrics} ({@code producer.metrics()}). */
    public static void bindProducer(Map<MetricName, ? extends Metric> metrics, MeterRegistry registry) {
        var clientId = clientId(metrics);
        gauge(registry, "kafka.producer.batch.size", "bytes", metrics, "producer-metrics", "batch-size-avg", clientId, 1);
        gauge(registry, "kafka.producer.compression.ratio", null, metrics, "producer-metrics", "compression-rate-avg", clientId, 1);
        gauge(registry, "kafka.producer.request.latency", "seconds", metrics, "producer-metrics", "request-latency-avg", clientId, 1e-3);
        gauge(registry, "kafka.producer.record.queue.time", "seconds", metrics, "producer-metrics", "record-queue-time-avg", clientId, 1e-3);
    }

    /** Registers the consumer's two meters of the README's table, read live from {@code metrics} ({@code consumer.metrics()}). */
    public static void bindConsumer(Map<MetricName, ? extends Metric> metrics, MeterRegistry registry) {
        var clientId = clientId(metrics);
        gauge(registry, "kafka.consumer.lag.max", "records", metrics, "consumer-fetch-manager-metrics", "records-lag-max", clientId, 1);
        gauge(registry, "kafka.consumer.fetch.latency", "seconds", metrics, "consumer-fetch-manager-metrics", "fetch-latency-avg", clientId, 1e-3);
    }

    /**
     * A gauge that looks the metric up at every read: some appear only after the first request, and the
     * map is live. Only the client-wide metric counts (tags: client-id alone), not a per-topic or
     * per-partition one of the same name. A strong reference: Micrometer holds a gauge's object weakly,
     * and nothing else keeps this map view alive, so the gauge would read NaN after the next collection.
     */
    private static void gauge(MeterRegistry registry, String name, String unit, Map<MetricName, ? extends Metric> metrics,
                              String group, String metric, String clientId, double scale) {
        Gauge.builder(name, metrics, live -> scaled(live, group, metric, clientId, scale))
                .baseUnit(unit).tag("client.id", clientId).strongReference(true).register(registry);
    }

    private static double scaled(Map<MetricName, ? extends Metric> metrics, String group, String metric, String clientId,
                                 double scale) {
        for (var entry : metrics.entrySet()) {
            var name = entry.getKey();
            if (name.group().equals(group) && name.name().equals(metric) && name.tags().equals(Map.of("client-id", clientId))
                    && entry.getValue().metricValue() instanceof Double value) {
                return value * scale;
            }
        }
        return Double.NaN;
    }

    private static String clientId(Map<MetricName, ? extends Metric> metrics) {
        return metrics.keySet().stream().map(name -> name.tags().get("client-id")).filter(java.util.Objects::nonNull)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no metric with a client-id tag: is this a client's metrics()?"));
    }
}
