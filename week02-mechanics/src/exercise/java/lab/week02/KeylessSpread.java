package lab.week02;

import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.Producer;

/**
 * Exercise 2.8: where keyless records go. Without a key there is no order to keep, so the producer
 * optimises for batching: the default partitioner sticks to one partition until a batch is full, then
 * moves on (KIP-480, KIP-794). {@code RoundRobinPartitioner} spreads record by record instead. Send
 * without waiting for each acknowledgement, so the producer can batch, and count where records landed.
 */
public final class KeylessSpread {

    private KeylessSpread() {
    }

    /** Sends {@code count} keyless records, then returns how many landed on each partition. */
    public static Map<Integer, Integer> sendKeyless(Producer<String, String> producer, String topic, int count)
            throws ExecutionException, InterruptedException {
        // TODO 2.8: send count records with a null key, keeping each send's Future instead of waiting on it;
        //           flush the producer; then count the partitions from the futures' RecordMetadata.
        throw new UnsupportedOperationException("Exercise 2.8 not done yet: see HINTS.md#28");
    }
}
