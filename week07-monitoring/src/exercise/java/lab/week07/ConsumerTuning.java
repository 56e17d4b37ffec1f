package lab.week07;

import java.util.Map;

/**
 * Exercise 7.13: the consumer's side of 7.8. A fetch request waits at the broker until it has
 * fetch.min.bytes to return or fetch.max.wait.ms has passed. The analytics service wants big fetches and
 * does not mind waiting a moment; the payment service wants every record the moment it is written.
 */
public final class ConsumerTuning {

    private ConsumerTuning() {
    }

    /** Consumer settings (added to the lab's) for the analytics service: fewer, fuller fetches. */
    public static Map<String, Object> forThroughput() {
        // TODO 7.13: settings that make the broker gather records before it answers a fetch.
        throw new UnsupportedOperationException("Exercise 7.13 not done yet: see HINTS.md#713");
    }

    /** Consumer settings for the payment service: a fetch returns as soon as there is anything. */
    public static Map<String, Object> forLatency() {
        // TODO 7.13: settings that let a fetch return with the first record.
        throw new UnsupportedOperationException("Exercise 7.13 not done yet: see HINTS.md#713");
    }
}
