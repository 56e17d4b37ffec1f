package lab.week01;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Exercise 1.4: fetch the one record at a topic, partition and offset, like a debugger or an audit tool
 * does. Topic + partition + offset is a record's address: it never changes and never points elsewhere.
 * No consumer group is involved: the consumer is assigned the partition and seeks.
 */
public final class RecordLocator {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(100);

    private final Consumer<String, String> consumer;

    /** @param consumer a consumer without a group id; the locator assigns and seeks it */
    public RecordLocator(Consumer<String, String> consumer) {
        this.consumer = consumer;
    }

    /** The record at {@code offset} of the partition, or empty if the log has no record there. */
    public Optional<ConsumerRecord<String, String>> find(String topic, int partition, long offset) {
        var topicPartition = new TopicPartition(topic, partition);
        // Past the log end offset there is nothing yet: answer at once instead of waiting for it.
        if (offset >= consumer.endOffsets(List.of(topicPartition)).get(topicPartition)) {
            return Optional.empty();
        }
        // assign() instead of subscribe(): we choose the partition, no group coordinator is asked.
        consumer.assign(List.of(topicPartition));
        consumer.seek(topicPartition, offset);
        var deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (var record : consumer.poll(POLL).records(topicPartition)) {
                // The first record at or after the offset: if it is later, that offset holds no record.
                return record.offset() == offset ? Optional.of(record) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
