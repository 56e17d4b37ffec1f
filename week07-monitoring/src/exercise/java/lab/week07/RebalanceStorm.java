package lab.week07;

import java.time.Duration;
import java.util.Map;

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
        // TODO 7.9: read the two signs from the consumer's own metrics (README's table).
        throw new UnsupportedOperationException("Exercise 7.9 not done yet: see HINTS.md#79");
    }

    /**
     * Consumer settings for a service that needs {@code perRecord} per record under {@code maxPollInterval}:
     * a poll's records take at most half the interval (the rest is headroom for a slow moment); when one
     * record alone needs more than that, the interval grows to twice a record's time instead.
     */
    public static Map<String, Object> calmSettings(Duration perRecord, Duration maxPollInterval) {
        // TODO 7.9: size a poll to the time the service has, or give it more time when one record is too slow.
        throw new UnsupportedOperationException("Exercise 7.9 not done yet: see HINTS.md#79");
    }
}
