package lab.week04;

import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
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

    private final Producer<String, String> producer;

    /** Creates the service's one producer from {@code producers}, called exactly once. */
    public OrderPublisher(Supplier<Producer<String, String>> producers) {
        // Created once, here, and used by every publish on every thread: KafkaProducer is thread-safe.
        this.producer = producers.get();
    }

    /** Sends one record and waits for its acknowledgement. Safe to call from many threads at once. */
    public RecordMetadata publish(String topic, String key, String value)
            throws ExecutionException, InterruptedException {
        return producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    /** Closes the producer, which first sends what is still buffered. Call it once, at shutdown. */
    @Override
    public void close() {
        producer.close();
    }
}
