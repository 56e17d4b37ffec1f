package lab.week02;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Exercise 2.7: idempotent handling. At-least-once delivery (a redelivered batch, a producer that sent
 * again after a timeout) means a handler will see some events twice. Give every event an id, remember
 * the ids handled, and skip the ones seen before: the effect happens once. A real service keeps the ids
 * in its database, with a unique constraint, in the same transaction as the effect.
 */
public final class DeduplicatingHandler implements Consumer<ConsumerRecord<String, String>> {

    private final Consumer<ConsumerRecord<String, String>> delegate;
    private final Set<String> handledIds = new HashSet<>();
    private int duplicates;

    public DeduplicatingHandler(Consumer<ConsumerRecord<String, String>> delegate) {
        this.delegate = delegate;
    }

    @Override
    public void accept(ConsumerRecord<String, String> record) {
        var header = record.headers().lastHeader(Orders.EVENT_ID_HEADER);
        // Without an id there is no telling a duplicate from a new event: refuse rather than guess.
        if (header == null) {
            throw new IllegalArgumentException("Record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " has no " + Orders.EVENT_ID_HEADER + " header; cannot deduplicate it");
        }
        var id = new String(header.value(), StandardCharsets.UTF_8);
        // add() is false when the id was there already: a duplicate, handled before.
        if (handledIds.add(id)) {
            delegate.accept(record);
        } else {
            duplicates++;
        }
    }

    /** How many records were skipped as duplicates. */
    public int duplicates() {
        return duplicates;
    }
}
