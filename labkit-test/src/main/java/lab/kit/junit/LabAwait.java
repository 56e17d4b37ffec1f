package lab.kit.junit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * Waiting for asynchronous results, with one timeout for the whole lab and failure messages that list
 * what did arrive. No test sleeps and hopes.
 *
 * <pre>{@code
 * var records = LabAwait.records(consumer, 3);   // fails listing what came, if fewer than 3 do
 * }</pre>
 */
public final class LabAwait {

    /** How long any lab test waits for something to happen; {@code -Dlab.await.seconds} changes it. */
    public static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("lab.await.seconds", 20));

    private static final Duration POLL = Duration.ofMillis(100);
    private static final int SHOWN_RECORDS = 20;

    private LabAwait() {
    }

    /** Awaitility, with the lab's timeout; evaluated on the test thread (Kafka clients are not thread-safe). */
    public static ConditionFactory until(String what) {
        return await(what).atMost(TIMEOUT).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(POLL);
    }

    /**
     * Polls {@code consumer} until at least {@code count} records have arrived, and returns all of them.
     *
     * @throws AssertionError after {@link #TIMEOUT}, listing the records that did arrive
     */
    public static <K, V> List<ConsumerRecord<K, V>> records(Consumer<K, V> consumer, int count) {
        return collect(count + " records", () -> consumer.poll(POLL), count, "");
    }

    /**
     * Calls {@code poll} until the items it returned add up to {@code count}, and returns them all.
     *
     * @param hint what to check when they do not come, e.g. "is auto.offset.reset 'earliest'?"
     * @throws AssertionError after {@link #TIMEOUT}, listing what did arrive, then the hint
     */
    public static <T> List<T> collect(String what, Callable<? extends Iterable<? extends T>> poll, int count,
                                      String hint) {
        var received = new ArrayList<T>();
        try {
            until(what).until(() -> {
                poll.call().forEach(received::add);
                return received.size() >= count;
            });
            return received;
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Expected " + what + " within " + TIMEOUT.toSeconds() + " s, but "
                    + received.size() + " arrived" + (received.isEmpty() ? "." : ":\n" + describe(received))
                    + (hint.isEmpty() ? "" : "\n" + hint), e);
        }
    }

    /** Items as lines (records as "topic-partition@offset key=value"), for failure messages. */
    public static String describe(List<?> items) {
        var lines = items.stream()
                .limit(SHOWN_RECORDS)
                .map(LabAwait::describeItem)
                .collect(Collectors.joining("\n"));
        return items.size() > SHOWN_RECORDS ? lines + "\n  ... and " + (items.size() - SHOWN_RECORDS) + " more" : lines;
    }

    private static String describeItem(Object item) {
        if (item instanceof ConsumerRecord<?, ?> r) {
            return "  " + r.topic() + "-" + r.partition() + "@" + r.offset() + " key=" + r.key() + " value=" + r.value();
        }
        return "  " + item;
    }
}
