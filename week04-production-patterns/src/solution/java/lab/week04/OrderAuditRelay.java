package lab.week04;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Exercise 4.10: a small relay, written against the {@code Consumer} and {@code Producer} interfaces so
 * that its unit tests can hand it Kafka's {@code MockConsumer} and {@code MockProducer}. For each order
 * it reads, it writes one audit record; it commits the orders' offsets only once every audit record is
 * stored, and on a failed send it seeks back to them, so they are read again, not lost.
 */
public final class OrderAuditRelay {

    /** Header on each audit record: the order it audits, as {@code topic-partition@offset}. */
    public static final String SOURCE = "audit.source";

    private final Consumer<String, String> consumer;
    private final Producer<String, String> producer;
    private final String auditTopic;

    /** {@code consumer} is already subscribed or assigned; the relay only polls and commits. */
    public OrderAuditRelay(Consumer<String, String> consumer, Producer<String, String> producer, String auditTopic) {
        this.consumer = consumer;
        this.producer = producer;
        this.auditTopic = auditTopic;
    }

    /**
     * Polls once, writes an audit record per order (same key, value {@code "audited " + order}), waits
     * until all are stored, commits, and returns how many orders it relayed.
     *
     * @throws IllegalStateException if an audit record was not stored; nothing is committed then, and the
     *         consumer is back at the first order of the poll
     */
    public int relayOnce(Duration timeout) throws InterruptedException {
        var orders = consumer.poll(timeout);
        var sent = new ArrayList<Future<RecordMetadata>>();
        var next = new HashMap<TopicPartition, OffsetAndMetadata>();
        for (var order : orders) {
            var audit = new ProducerRecord<>(auditTopic, order.key(), "audited " + order.value());
            var source = order.topic() + "-" + order.partition() + "@" + order.offset();
            audit.headers().add(SOURCE, source.getBytes(StandardCharsets.UTF_8));
            sent.add(producer.send(audit));
            next.put(new TopicPartition(order.topic(), order.partition()), new OffsetAndMetadata(order.offset() + 1));
        }
        try {
            for (var stored : sent) {
                stored.get();
            }
        } catch (ExecutionException e) {
            // Not committed, and rewound (poll() had moved past them): the orders are polled again, by the
            // next relayOnce() or after a restart, and audited then.
            for (var partition : orders.partitions()) {
                consumer.seek(partition, orders.records(partition).get(0).offset());
            }
            throw new IllegalStateException("An audit record was not stored, so no offset was committed: " + e.getCause(),
                    e.getCause());
        }
        consumer.commitSync(next);
        return orders.count();
    }
}
