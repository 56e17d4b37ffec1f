package lab.week07;

import java.util.Map;

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
        // TODO 7.7: one gauge per producer row of the table, in its base unit, tagged with the client's id; values read live.
        throw new UnsupportedOperationException("Exercise 7.7 not done yet: see HINTS.md#77");
    }

    /** Registers the consumer's two meters of the README's table, read live from {@code metrics} ({@code consumer.metrics()}). */
    public static void bindConsumer(Map<MetricName, ? extends Metric> metrics, MeterRegistry registry) {
        // TODO 7.7: one gauge per consumer row of the table: the client-wide metric, not a per-partition one of the same name.
        throw new UnsupportedOperationException("Exercise 7.7 not done yet: see HINTS.md#77");
    }
}
