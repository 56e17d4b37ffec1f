package lab.week08;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.config.TopicConfig;

/**
 * Exercise 8.10: retention as policy. How long the broker keeps a topic's records follows from what they
 * are. Events are deleted by age (or size); a table of latest states is compacted; and some state is worth
 * keeping only while it is alive: shop.carts holds each customer's cart, the latest version only, and a
 * cart nobody touched for {@code abandonAfter} is abandoned and must disappear, its latest version too.
 * That is both policies at once: compaction drops replaced versions, and deletion drops whole segments
 * older than the retention time, whatever they hold.
 */
public final class RetentionPolicy {

    private RetentionPolicy() {
    }

    /** The {@code cleanup.policy} for a topic of {@code kind}. */
    public static String cleanupPolicy(DataKind kind) {
        return switch (kind) {
            case EVENTS -> TopicConfig.CLEANUP_POLICY_DELETE;
            case LATEST_STATE -> TopicConfig.CLEANUP_POLICY_COMPACT;
            case LATEST_STATE_WHILE_ACTIVE -> TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE;
        };
    }

    /**
     * Topic configs for shop.carts: each customer's latest cart, replaced versions cleaned away, and a cart
     * untouched for {@code abandonAfter} gone altogether; segments closed after {@code rollAfter}, since
     * neither the cleaner nor deletion touches the active segment. In the lab the cleaner should not wait
     * for much data to pile up before it cleans.
     */
    public static Map<String, String> cartTopicConfigs(Duration abandonAfter, Duration rollAfter) {
        return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy(DataKind.LATEST_STATE_WHILE_ACTIVE),
                // Deletion removes a closed segment once its newest record is older than this.
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(abandonAfter.toMillis()),
                TopicConfig.SEGMENT_MS_CONFIG, Long.toString(rollAfter.toMillis()),
                TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.01");
    }
}
