package lab.week04;

import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The anti-pattern 4.1 measures against: a new producer for every publish, closed right after. Each
 * one starts an I/O thread, opens connections, fetches metadata and (with idempotence) asks the broker
 * for a producer id, all before its one record can go; then closing it waits for that record. It is what
 * a request handler that writes {@code try (var producer = new KafkaProducer<>(...))} does.
 */
public final class PerRequestPublisher implements AutoCloseable {

    private final Supplier<Producer<String, String>> producers;

    public PerRequestPublisher(Supplier<Producer<String, String>> producers) {
        this.producers = producers;
    }

    public RecordMetadata publish(String topic, String key, String value)
            throws ExecutionException, InterruptedException {
        try (var producer = producers.get()) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    @Override
    public void close() {
        // Nothing to close: every producer was closed after its one record.
    }
}
