package lab.week08;

import java.time.Duration;
import java.util.Map;

/**
 * Exercise 8.10: retention as policy. How long the broker keeps a topic's records follows from what they
 * are. Events are deleted by age (or size); a table of latest states is compacted; and some state is worth
 * keeping only while it is alive: shop.carts holds each customer's cart, the latest version only, and a
 * cart nobody touched for {@code abandonAfter} is abandoned and must disappear, its latest version too.
 */
public final class RetentionPolicy {

    private RetentionPolicy() {
    }

    /** The {@code cleanup.policy} for a topic of {@code kind}. */
    public static String cleanupPolicy(DataKind kind) {
        // TODO 8.10: one policy per kind of data; one kind needs two.
        throw new UnsupportedOperationException("Exercise 8.10 not done yet: see HINTS.md#810");
    }

    /**
     * Topic configs for shop.carts: each customer's latest cart, replaced versions cleaned away, and a cart
     * untouched for {@code abandonAfter} gone altogether; segments closed after {@code rollAfter}, since
     * neither the cleaner nor deletion touches the active segment. In the lab the cleaner should not wait
     * for much data to pile up before it cleans.
     */
    public static Map<String, String> cartTopicConfigs(Duration abandonAfter, Duration rollAfter) {
        // TODO 8.10: the policy, how long an untouched cart lives, when segments close, when the cleaner cleans.
        throw new UnsupportedOperationException("Exercise 8.10 not done yet: see HINTS.md#810");
    }
}
