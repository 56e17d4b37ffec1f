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
        // Committed before any work: a crash below can never make these records come back.
        consumer.commitSync(Batches.offsetsAfter(batch));
        batch.forEach(handler);
    }

    /** One batch, at least once: handle each record, then commit the batch's offsets. */
    public static void atLeastOnce(org.apache.kafka.clients.consumer.Consumer<String, String> consumer,
                                   Consumer<ConsumerRecord<String, String>> handler) {
        var batch = Batches.nextBatch(consumer);
        batch.forEach(handler);
        // Committed only after all work: a crash above leaves the offsets where they were.
        consumer.commitSync(Batches.offsetsAfter(batch));
    }
}
