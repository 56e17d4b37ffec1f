package lab.week03;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Exercise 3.7: the simplest processing pattern, one record at a time with a commit after each. A crash
 * repeats at most the record it died on; the price is a commit, a round trip to the broker, per record.
 */
public final class OneAtATime {

    /** How long one poll waits for records. */
    public static final Duration POLL = Duration.ofMillis(200);

    private OneAtATime() {
    }

    /**
     * Polls once and handles the records one by one, committing each right after it is handled; returns
     * how many records the poll brought. When the handler throws, every record before it stays
     * committed, the consumer is rewound to the failed record (the next poll starts there), and the
     * exception goes to the caller.
     */
    public static int process(Consumer<String, String> consumer,
                              java.util.function.Consumer<ConsumerRecord<String, String>> handler) {
        var records = consumer.poll(POLL);
        var handled = new HashMap<TopicPartition, OffsetAndMetadata>();
        for (var record : records) {
            try {
                handler.accept(record);
            } catch (RuntimeException e) {
                PollRewind.toFirstUnhandled(consumer, records, handled);
                throw e;
            }
            // A commit names the next offset to read. Only this record's partition: a commit without
            // arguments would also commit the records of this poll not handled yet.
            var next = Map.of(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
            consumer.commitSync(next);
            handled.putAll(next);
        }
        return records.count();
    }
}
