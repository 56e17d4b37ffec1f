package lab.week02;

import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Exercise 2.4: where the commit goes decides the delivery guarantee. Commit before processing and a
 * crash loses the rest of the batch (at most once); commit after and a crash delivers the batch again
 * (at least once, so handlers must cope with duplicates). Both use {@code enable.auto.commit=false}.
 *
 * <pre>{@code
 * CommitPlacement.atLeastOnce(consumer, record -> inventory.reserve(record.value()));
 * }</pre>
 */
public final class CommitPlacement {

    private CommitPlacement() {
    }

    /** One batch, at most once: commit the batch's offsets first, then handle each record. */
    public static void atMostOnce(org.apache.kafka.clients.consumer.Consumer<String, String> consumer,
                                  Consumer<ConsumerRecord<String, String>> handler) {
        var batch = Batches.nextBatch(consumer);
        // TODO 2.4: commit the batch's offsets (Batches.offsetsAfter) and handle each record, in the
        //           order that makes this at most once.
        throw new UnsupportedOperationException("Exercise 2.4 not done yet: see HINTS.md#24");
    }

    /** One batch, at least once: handle each record, then commit the batch's offsets. */
    public static void atLeastOnce(org.apache.kafka.clients.consumer.Consumer<String, String> consumer,
                                   Consumer<ConsumerRecord<String, String>> handler) {
        var batch = Batches.nextBatch(consumer);
        // TODO 2.4: the same two steps, in the order that makes this at least once.
        throw new UnsupportedOperationException("Exercise 2.4 not done yet: see HINTS.md#24");
    }
}
