package lab.week06;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * Exercise 6.6: a consumer that fell off the log. A topic keeps records for its retention time (or up
 * to its retention size), then deletes whole old segments, and the log's start offset moves forward. A
 * consumer group that was away longer (a weekend, a long outage) comes back to a committed offset that
 * no longer exists. What happens then is {@code auto.offset.reset}'s choice: "earliest" jumps to the
 * oldest record left without a word, "latest" to the newest, "none" throws. The shop's analytics must
 * at least know how many orders it never saw.
 */
public final class ResumingReader {

    private final Consumer<String, String> consumer;
    private long recordsLost;

    public ResumingReader(Consumer<String, String> consumer) {
        this.consumer = consumer;
    }

    /** Consumer settings (no bootstrap servers, group or deserializers) for a reader that notices lost records. */
    public static Map<String, Object> settings() {
        // TODO 6.6: a position that fell off the log must not be skipped silently.
        throw new UnsupportedOperationException("Exercise 6.6 not done yet: see HINTS.md#66");
    }

    /**
     * One poll of the subscribed consumer. When its position fell off the log, it goes on from the oldest
     * record still there, and adds the records it can never read to {@link #recordsLost()}.
     */
    public ConsumerRecords<String, String> poll(Duration timeout) {
        // TODO 6.6: poll; when the position is out of range, count what was lost per partition and resume
        //           from the start of the log.
        throw new UnsupportedOperationException("Exercise 6.6 not done yet: see HINTS.md#66");
    }

    /** How many records were deleted before this reader could read them, so far. */
    public long recordsLost() {
        return recordsLost;
    }
}
