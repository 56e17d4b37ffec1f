package lab.week02;

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

    public DeduplicatingHandler(Consumer<ConsumerRecord<String, String>> delegate) {
        this.delegate = delegate;
    }

    @Override
    public void accept(ConsumerRecord<String, String> record) {
        // TODO 2.7: read the Orders.EVENT_ID_HEADER header (refuse a record without one, saying why);
        //           pass the record to the delegate only the first time its id is seen; count the rest.
        throw new UnsupportedOperationException("Exercise 2.7 not done yet: see HINTS.md#27");
    }

    /** How many records were skipped as duplicates. */
    public int duplicates() {
        // TODO 2.7: return the number of duplicates skipped.
        return -1;
    }
}
