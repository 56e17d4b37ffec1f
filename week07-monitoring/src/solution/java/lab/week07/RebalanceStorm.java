package lab.week07;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Exercise 7.9, a troubleshooting lab: the notification service keeps "losing" its partitions. Each poll
 * hands it more orders than it can process within max.poll.interval.ms, so the consumer leaves the group
 * in the middle of its work, its commit fails, and it joins again to get the same orders: a rebalance
 * storm. The consumer's own metrics show it; fewer records per poll end it.
 */
public final class RebalanceStorm {

    private RebalanceStorm() {
    }

    /**
     * True when the consumer's metrics ({@code consumer.metrics()}) show a storm: it has joined its group
     * more than once, or its last poll is longer ago than {@code maxPollInterval}.
     */
    public static boolean inStorm(Map<MetricName, ? extends Metric> metrics, Duration maxPollInterval) {
        var rebalances = value(metrics, "consumer-coordinator-metrics", "rebalance-total");
        var sinceLastPoll = value(metrics, "consumer-metrics", "last-poll-seconds-ago");
        return rebalances > 1 || sinceLastPoll > maxPollInterval.toMillis() / 1000.0;
    }

    /**
     * Consumer settings for a service that needs {@code perRecord} per record under {@code maxPollInterval}:
     * a poll's records take at most half the interval (the rest is headroom for a slow moment); when one
     * record alone needs more than that, the interval grows to twice a record's time instead.
     */
    public static Map<String, Object> calmSettings(Duration perRecord, Duration maxPollInterval) {
        var fitting = maxPollInterval.toMillis() / 2 / Math.max(1, perRecord.toMillis());
        if (fitting >= 1) {
            return Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, (int) fitting);
        }
        return Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1,
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) (2 * perRecord.toMillis()));
    }

    private static double value(Map<MetricName, ? extends Metric> metrics, String group, String name) {
        for (var entry : metrics.entrySet()) {
            if (entry.getKey().group().equals(group) && entry.getKey().name().equals(name)
                    && entry.getValue().metricValue() instanceof Double value) {
                return value;
            }
        }
        return 0;
    }
}
