package lab.week03;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Exercise 3.3: the roadmap's {@code OrderEventProducer}, two ways. A synchronous send waits for each
 * acknowledgement before the next send: one record per round trip. An asynchronous send hands the
 * record over and moves on; the producer batches what piles up, and a callback reports each outcome.
 * Same guarantees (with idempotence, per-key order holds even with retries), very different throughput.
 */
public final class OrderEventProducer {

    private OrderEventProducer() {
    }

    /** Sends each order and waits for its acknowledgement before the next; returns how many were stored. */
    public static int sendSync(Producer<String, String> producer, String topic, List<OrderPlaced> orders)
            throws ExecutionException, InterruptedException {
        var stored = 0;
        for (var order : orders) {
            producer.send(new ProducerRecord<>(topic, order.orderId(), OrderPlacedJson.toJson(order))).get();
            stored++;
        }
        return stored;
    }

    /**
     * Sends every order without waiting, counts the acknowledgements in a callback, then flushes.
     *
     * @throws IllegalStateException if any send failed, with the first failure as its cause
     */
    public static int sendAsync(Producer<String, String> producer, String topic, List<OrderPlaced> orders) {
        var stored = new AtomicInteger();
        Queue<Exception> failures = new ConcurrentLinkedQueue<>();
        for (var order : orders) {
            // The callback runs on the producer's I/O thread: only record the outcome there, never block.
            producer.send(new ProducerRecord<>(topic, order.orderId(), OrderPlacedJson.toJson(order)), (metadata, error) -> {
                if (error == null) {
                    stored.incrementAndGet();
                } else {
                    failures.add(error);
                }
            });
        }
        // Sends what lingers in batches and waits for every callback of these sends to have run.
        producer.flush();
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " of " + orders.size() + " sends failed", failures.peek());
        }
        return stored.get();
    }
}
