package lab.week02;

import java.util.Collection;
import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Exercise 2.6: offsets stored outside Kafka. When a service writes its results to a database, it can
 * store the offset in the same database transaction, so results and position never disagree. Kafka's
 * committed offsets are then unused: on every assignment the consumer seeks to the stored position.
 */
public final class ExternalOffsetConsumer implements ConsumerRebalanceListener {

    private final Consumer<String, String> consumer;
    private final FileOffsetStore store;

    public ExternalOffsetConsumer(Consumer<String, String> consumer, FileOffsetStore store) {
        this.consumer = consumer;
        this.store = store;
    }

    public void subscribe(String topic) {
        consumer.subscribe(List.of(topic), this);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        for (var partition : partitions) {
            // Our store, not Kafka's committed offset, says where to continue; nothing stored: start over.
            store.nextOffset(partition).ifPresentOrElse(
                    offset -> consumer.seek(partition, offset),
                    () -> consumer.seekToBeginning(List.of(partition)));
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        // Nothing to do: every handled record's offset is already stored.
    }

    /** Handles one batch, saving each record's next offset right after handling it. */
    public void processOneBatch(java.util.function.Consumer<ConsumerRecord<String, String>> handler) {
        for (var record : Batches.nextBatch(consumer)) {
            handler.accept(record);
            // In a real service: the same database transaction as the handler's writes.
            store.save(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
        }
    }
}
