package lab.week02;

import java.util.Collection;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Exercise 2.9: a clean hand-over when a member leaves. A member that commits every few seconds has
 * handled records it has not committed yet; when its partitions move (it leaves, or the group
 * rebalances), the next owner would handle them again. Committing in {@code onPartitionsRevoked}, the
 * last moment the member still owns them, hands them over exactly where it stopped.
 */
public final class HandOverListener implements ConsumerRebalanceListener {

    private final Consumer<String, String> consumer;

    public HandOverListener(Consumer<String, String> consumer) {
        this.consumer = consumer;
    }

    /** Call after handling {@code record}: remembers the offset to commit for its partition. */
    public void handled(ConsumerRecord<String, String> record) {
        // TODO 2.9: remember, per partition, the offset after this record.
        throw new UnsupportedOperationException("Exercise 2.9 not done yet: see HINTS.md#29");
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        // TODO 2.9: commit (synchronously) the remembered offsets of the revoked partitions.
        throw new UnsupportedOperationException("Exercise 2.9 not done yet: see HINTS.md#29");
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        // Nothing: a new owner starts from the committed offsets.
    }
}
