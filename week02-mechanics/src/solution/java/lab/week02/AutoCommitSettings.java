package lab.week02;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Exercise 2.11: auto-commit. With {@code enable.auto.commit=true} the consumer commits by itself, inside
 * {@code poll()}: once {@code auto.commit.interval.ms} has passed, it commits the position reached by the
 * records earlier polls returned. So what a crash re-reads depends on the interval, not on what you
 * handled: everything since the last automatic commit comes again.
 */
public final class AutoCommitSettings {

    private AutoCommitSettings() {
    }

    /** Consumer settings that commit automatically, at most every {@code interval}. */
    public static Map<String, Object> commitEvery(Duration interval) {
        return Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true,
                // The default is 5 s; 0 commits on every poll, what earlier polls returned.
                ConsumerConfig.AUTO_COMMIT_INTERVAL_MS_CONFIG, (int) interval.toMillis());
    }
}
