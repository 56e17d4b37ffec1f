package lab.week05;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Downstream of an outbox, every event may arrive twice: the relay can crash after sending and before
 * recording that it sent. This consumer-side guard (given) handles each event id once. A real service
 * keeps the ids in its own database, in the same transaction as the work they guard.
 */
public final class DeduplicatingHandler implements Consumer<ConsumerRecord<String, String>> {

    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Consumer<ConsumerRecord<String, String>> handler;

    public DeduplicatingHandler(Consumer<ConsumerRecord<String, String>> handler) {
        this.handler = handler;
    }

    @Override
    public void accept(ConsumerRecord<String, String> record) {
        if (seen.add(OutboxHeaders.eventId(record))) {
            handler.accept(record);
        }
    }
}
