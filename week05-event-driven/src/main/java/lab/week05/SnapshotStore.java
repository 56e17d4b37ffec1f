package lab.week05;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Snapshots on a compacted topic, keyed by order id (given). Compaction keeps the latest snapshot of
 * each order and removes older ones, so the topic stays about as large as the number of orders.
 */
public final class SnapshotStore {

    private final Producer<String, String> producer;
    private final Consumer<String, String> reader;
    private final String topic;

    /** {@code topic} is compacted, one partition; {@code reader} is a consumer without a group. */
    public SnapshotStore(Producer<String, String> producer, Consumer<String, String> reader, String topic) {
        this.producer = producer;
        this.reader = reader;
        this.topic = topic;
    }

    public void save(Snapshot snapshot) throws ExecutionException, InterruptedException {
        producer.send(new ProducerRecord<>(topic, snapshot.state().orderId(), Json.write(snapshot))).get();
    }

    /** The latest snapshot of {@code orderId}, if there is one. */
    public Optional<Snapshot> latest(String orderId) {
        var partition = new TopicPartition(topic, 0);
        reader.assign(List.of(partition));
        reader.seekToBeginning(List.of(partition));
        var end = reader.endOffsets(List.of(partition)).get(partition);
        var latest = new AtomicReference<Snapshot>();
        ReadToEnd.read(reader, partition, end, record -> {
            if (orderId.equals(record.key())) {
                latest.set(Json.read(record.value(), Snapshot.class));
            }
        });
        return Optional.ofNullable(latest.get());
    }
}
