package lab.week05;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

/**
 * Order events kept on a Kafka topic, keyed by order id (given). Appending is a send; loading one
 * order reads its partition and keeps that order's events. That scan is the honest cost of using a
 * topic as an event store: Kafka indexes by offset, not by key. Snapshots (5.2) shorten it; Kafka
 * Streams state stores (week 9) remove it.
 */
public final class EventStore {

    /** An event and where it is on the topic. */
    public record Stored(OrderEvent event, int partition, long offset) {
    }

    /**
     * One order's events read from its partition: the events, the end offset the read stopped at (every
     * event of the order below it is in {@code events}), and how many records it had to read to find them.
     */
    public record History(List<Stored> events, long endOffset, int recordsScanned) {
    }

    private final Producer<String, String> producer;
    private final Consumer<String, String> reader;
    private final String topic;
    private final int partitions;
    private long recordsScanned;

    /** {@code reader} is a consumer without a group: the store assigns and seeks it itself. */
    public EventStore(Producer<String, String> producer, Consumer<String, String> reader, String topic) {
        this.producer = producer;
        this.reader = reader;
        this.topic = topic;
        this.partitions = reader.partitionsFor(topic).size();
    }

    public String topic() {
        return topic;
    }

    /** Appends {@code events} in order and waits until all are stored. */
    public List<Stored> append(List<OrderEvent> events) throws ExecutionException, InterruptedException {
        var sent = new ArrayList<Future<RecordMetadata>>();
        for (var event : events) {
            sent.add(producer.send(new ProducerRecord<>(topic, partitionFor(event.orderId()), event.orderId(),
                    Json.write(event))));
        }
        var stored = new ArrayList<Stored>();
        for (var i = 0; i < events.size(); i++) {
            var metadata = sent.get(i).get();
            stored.add(new Stored(events.get(i), metadata.partition(), metadata.offset()));
        }
        return stored;
    }

    /** Every event of {@code orderId}, oldest first. */
    public List<Stored> load(String orderId) {
        return loadFrom(orderId, 0).events();
    }

    /** The events of {@code orderId} at or after {@code offset}, oldest first (what a snapshot does not cover). */
    public History loadFrom(String orderId, long offset) {
        var partition = new TopicPartition(topic, partitionFor(orderId));
        reader.assign(List.of(partition));
        reader.seek(partition, offset);
        var end = reader.endOffsets(List.of(partition)).get(partition);
        var found = new ArrayList<Stored>();
        var scanned = new AtomicInteger();
        ReadToEnd.read(reader, partition, end, record -> {
            scanned.incrementAndGet();
            if (orderId.equals(record.key())) {
                found.add(new Stored(Json.read(record.value(), OrderEvent.class), record.partition(), record.offset()));
            }
        });
        recordsScanned += scanned.get();
        return new History(found, end, scanned.get());
    }

    /** How many records this store has read so far, over all loads: the cost snapshots cut. */
    public long recordsScanned() {
        return recordsScanned;
    }

    /** The partition of an order's events: the default partitioner's choice for its key, fixed here. */
    public int partitionFor(String orderId) {
        return Utils.toPositive(Utils.murmur2(orderId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
