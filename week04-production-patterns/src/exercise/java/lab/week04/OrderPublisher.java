package lab.week04;

import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Exercise 4.1: one producer for the whole service. A {@code KafkaProducer} is thread-safe and built to
 * be shared: it keeps its connections and metadata, batches records from every caller, and holds the
 * idempotence state (producer id, sequence numbers) that only means something across many sends.
 * Creating one per request pays its start-up each time and gets none of that.
 *
 * <pre>{@code
 * try (var publisher = new OrderPublisher(() -> new KafkaProducer<>(settings))) {
 *     publisher.publish("orders", "o-1", json);   // from any number of request threads
 * }
 * }</pre>
 */
public final class OrderPublisher implements AutoCloseable {

    private final Supplier<Producer<String, String>> producers;

    /** Creates the service's one producer from {@code producers}, called exactly once. */
    public OrderPublisher(Supplier<Producer<String, String>> producers) {
        // TODO 4.1: create the producer once, here, and keep it in a field.
        this.producers = producers;
    }

    /** Sends one record and waits for its acknowledgement. Safe to call from many threads at once. */
    public RecordMetadata publish(String topic, String key, String value)
            throws ExecutionException, InterruptedException {
        // TODO 4.1: send with the one producer and wait for the acknowledgement.
        throw new UnsupportedOperationException("Exercise 4.1 not done yet: see HINTS.md#41");
    }

    /** Closes the producer, which first sends what is still buffered. Call it once, at shutdown. */
    @Override
    public void close() {
        // TODO 4.1: close the producer.
    }
}
