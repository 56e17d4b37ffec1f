package lab.week03;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Exercise 3.8: processing a whole poll in one call (a bulk insert) with one commit after it. Far
 * faster than one at a time against a store that charges per call; a failure repeats the whole batch.
 */
public final class BatchProcessing {

    /** How long one poll waits for records. */
    public static final Duration POLL = Duration.ofMillis(200);

    private BatchProcessing() {
    }

    /**
     * Polls once and hands all the records to the handler in one call (none when the poll is empty), then
     * commits once; returns how many records it processed. When the handler throws, nothing is committed,
     * the consumer is rewound to the batch's start, and the exception goes to the caller.
     */
    public static int process(Consumer<String, String> consumer,
                              java.util.function.Consumer<List<ConsumerRecord<String, String>>> handler) {
        var records = consumer.poll(POLL);
        if (records.isEmpty()) {
            return 0;
        }
        var batch = new ArrayList<ConsumerRecord<String, String>>(records.count());
        records.forEach(batch::add);
        try {
            handler.accept(batch);
        } catch (RuntimeException e) {
            PollRewind.toFirstUnhandled(consumer, records, Map.of());
            throw e;
        }
        consumer.commitSync(); // everything this poll returned, all of it handled
        return batch.size();
    }
}
