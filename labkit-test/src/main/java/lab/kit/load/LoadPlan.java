package lab.kit.load;

import java.time.Duration;
import java.util.Map;

/**
 * One run of the load tool: where, what, how fast and for how long.
 *
 * @param bootstrap       the cluster's bootstrap servers
 * @param topic           the topic written to (the tool creates it when missing)
 * @param workload        the records
 * @param recordsPerSecond the target rate, open loop; 0 for flat out
 * @param records         stop after this many records (0: no limit)
 * @param duration        stop after this long (null: no limit); a run needs {@code records} or {@code duration}
 * @param endToEnd        also read the records back and measure producer-to-consumer latency
 * @param producerSettings the producer's settings beyond bootstrap and serializers (acks, linger.ms, ...)
 */
public record LoadPlan(String bootstrap, String topic, Workload workload, double recordsPerSecond, long records,
                       Duration duration, boolean endToEnd, Map<String, Object> producerSettings) {

    public LoadPlan {
        if (recordsPerSecond < 0) {
            throw new IllegalArgumentException("the rate must be 0 (flat out) or more records a second; got " + recordsPerSecond);
        }
        if (records <= 0 && (duration == null || duration.isZero() || duration.isNegative())) {
            throw new IllegalArgumentException("a load run needs a number of records or a duration");
        }
        producerSettings = Map.copyOf(producerSettings);
    }

    public boolean flatOut() {
        return recordsPerSecond == 0;
    }
}
