package lab.week02;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Exercise 2.9: a clean hand-over when a member leaves. A member that commits every few seconds has
 * handled records it has not committed yet; when its partitions move (it leaves, or the group
 * rebalances), the next owner would handle them again. Committing in {@code onPartitionsRevoked}, the
 * last moment the member still owns them, hands them over exactly where it stopped.
 */
public final class HandOverListener implements ConsumerRebalanceListener {

    private final Consumer<String, String> consumer;
    private final Map<TopicPartition, OffsetAndMetadata> handled = new HashMap<>();

    public HandOverListener(Consumer<String, String> consumer) {
        this.consumer = consumer;
    }

    /** Call after handling {@code record}: remembers the offset to commit for its partition. */
    public void handled(ConsumerRecord<String, String> record) {
        handled.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        var toCommit = new HashMap<TopicPartition, OffsetAndMetadata>();
        for (var partition : partitions) {
            var offset = handled.remove(partition);
            if (offset != null) {
                toCommit.put(partition, offset);
            }
        }
        // Still the owner here: the commit is accepted, and the next owner starts right after.
        consumer.commitSync(toCommit);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        // Nothing: a new owner starts from the committed offsets.
    }
}
