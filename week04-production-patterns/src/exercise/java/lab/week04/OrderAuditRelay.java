package lab.week04;

import java.time.Duration;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

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
        // TODO 4.10: poll; send an audit record per order (key, "audited " + value, SOURCE header
        //            "topic-partition@offset"); wait for every send (a failure: seek each partition back to
        //            its first order of the poll, throw IllegalStateException with the send's error as its
        //            cause, no commit); commit the offset after each partition's last order; return the count.
        throw new UnsupportedOperationException("Exercise 4.10 not done yet: see HINTS.md#410");
    }
}
