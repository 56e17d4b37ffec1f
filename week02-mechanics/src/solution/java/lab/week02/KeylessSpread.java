package lab.week02;

import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

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
        var acks = new ArrayList<Future<RecordMetadata>>();
        for (int i = 0; i < count; i++) {
            // No get() here: waiting for each ack would send one record per request, with no batching.
            acks.add(producer.send(new ProducerRecord<>(topic, null, "page-view-" + i)));
        }
        // Sends what is still waiting in batches (linger.ms) now instead of later.
        producer.flush();
        var perPartition = new TreeMap<Integer, Integer>();
        for (var ack : acks) {
            perPartition.merge(ack.get().partition(), 1, Integer::sum);
        }
        return perPartition;
    }
}
