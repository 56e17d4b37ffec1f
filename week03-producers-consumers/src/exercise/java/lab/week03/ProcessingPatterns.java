package lab.week03;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Exercise 3.7: three ways to process what one {@code poll()} returns, each with the commit that fits
 * it. Each method polls once, processes, commits, and returns how many records it processed.
 * <ul>
 *   <li>one at a time: simplest; a commit per record means a crash repeats at most one record;</li>
 *   <li>in a batch: one call for the whole poll (a bulk insert), one commit; a failure repeats the batch;</li>
 *   <li>parallel per partition: each partition's records in order on a worker, partitions side by side.
 *       A key always lands in the same partition, so each key's events stay in order.</li>
 * </ul>
 * On a failure each one also rewinds the consumer to what it did not handle: {@code poll()} has moved the
 * position past everything it returned, and the next poll would otherwise skip it.
 */
public final class ProcessingPatterns {

    /** How long one poll waits for records. */
    public static final Duration POLL = Duration.ofMillis(200);

    private ProcessingPatterns() {
    }

    /**
     * Handles the polled records one by one and commits each right after it is handled. When the handler
     * throws, every record before it stays committed, the consumer is rewound to the failed record (the
     * next poll starts there), and the exception goes to the caller.
     */
    public static int oneAtATime(Consumer<String, String> consumer,
                                 java.util.function.Consumer<ConsumerRecord<String, String>> handler) {
        // TODO 3.7: commit each record as soon as it is handled. When the handler fails, the next poll must
        //           start at the failed record: nothing after it may be skipped, nothing before it redone.
        throw new UnsupportedOperationException("Exercise 3.7 not done yet: see HINTS.md#37");
    }

    /**
     * Hands all polled records to the handler in one call (none when the poll is empty), then commits once.
     * When the handler throws, nothing is committed and the consumer is rewound to the batch's start.
     */
    public static int inBatch(Consumer<String, String> consumer,
                              java.util.function.Consumer<List<ConsumerRecord<String, String>>> handler) {
        // TODO 3.7: one handler call and one commit per poll that brought records. A batch that failed must
        //           come back whole in the next poll.
        throw new UnsupportedOperationException("Exercise 3.7 not done yet: see HINTS.md#37");
    }

    /**
     * Handles each partition's records in order on a worker from {@code workers}, all partitions at the
     * same time, waits for them, and commits the partitions whose records were all handled; a failed
     * partition is rewound to its first record in the poll. The polling thread handles no record itself.
     */
    public static int parallelPerPartition(Consumer<String, String> consumer,
                                           java.util.function.Consumer<ConsumerRecord<String, String>> handler,
                                           ExecutorService workers) {
        // TODO 3.7: the partitions in parallel on the workers, each partition's records in order. Commit only
        //           partitions that were handled completely; a failed partition must come back whole.
        throw new UnsupportedOperationException("Exercise 3.7 not done yet: see HINTS.md#37");
    }
}
