package lab.week06;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;

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
        // "none": an offset that fell off the log throws, instead of being reset where no one sees it.
        return Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
    }

    /**
     * One poll of the subscribed consumer. When its position fell off the log, it goes on from the oldest
     * record still there, and adds the records it can never read to {@link #recordsLost()}.
     */
    public ConsumerRecords<String, String> poll(Duration timeout) {
        try {
            return consumer.poll(timeout);
        } catch (OffsetOutOfRangeException e) {
            var positions = e.offsetOutOfRangePartitions();
            var starts = consumer.beginningOffsets(positions.keySet());
            // The gap between where this reader was and where the log now starts: deleted, never read.
            positions.forEach((partition, position) -> recordsLost += Math.max(0, starts.get(partition) - position));
            consumer.seekToBeginning(positions.keySet());
            return ConsumerRecords.empty();
        }
    }

    /** How many records were deleted before this reader could read them, so far. */
    public long recordsLost() {
        return recordsLost;
    }
}
