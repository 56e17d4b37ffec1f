package lab.week03;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Exercise 3.10: the week's service. It consumes {@link OrderPlaced} events (JSON), reserves stock for
 * each, and publishes a {@link Reservation} (JSON, keyed by order id) for every order: RESERVED or
 * REJECTED. Everything from this week comes together:
 * <ul>
 *   <li>nothing is lost: a poll's reservations are flushed before its offsets are committed, and a value
 *       that is not an order goes raw to the dead letter topic (with an {@code error} header);</li>
 *   <li>nothing is reserved twice: {@link Stock#reserve} answers a repeated order as it did the first time;</li>
 *   <li>it stops cleanly: {@link #shutdown()} wakes the loop, which flushes, commits and closes.</li>
 * </ul>
 */
public final class ReservationService implements Runnable {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration CLOSE_BOUND = Duration.ofSeconds(5);

    private final Consumer<String, String> consumer;
    private final Producer<String, String> producer;
    private final Stock stock;
    private final String ordersTopic;
    private final String reservationsTopic;
    private final String deadLetterTopic;
    private final CountDownLatch closed = new CountDownLatch(1);
    /** The next offset to read in each partition, after the records handled since the last commit. */
    private final Map<TopicPartition, OffsetAndMetadata> handled = new HashMap<>();
    private final AtomicReference<Exception> sendFailure = new AtomicReference<>();
    private final Callback rememberFailure = (stored, error) -> {
        if (error != null) {
            sendFailure.compareAndSet(null, error);
        }
    };

    public ReservationService(Consumer<String, String> consumer, Producer<String, String> producer, Stock stock,
                              String ordersTopic, String reservationsTopic, String deadLetterTopic) {
        this.consumer = consumer;
        this.producer = producer;
        this.stock = stock;
        this.ordersTopic = ordersTopic;
        this.reservationsTopic = reservationsTopic;
        this.deadLetterTopic = deadLetterTopic;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(ordersTopic));
            while (true) {
                for (var record : consumer.poll(POLL)) {
                    handle(record);
                    handled.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
                }
                commitWhatIsStored();
            }
        } catch (WakeupException stopping) {
            // shutdown() was called: leave the loop.
        } finally {
            try {
                if (sendFailure.get() == null) {
                    commitWhatIsStored();
                }
            } finally {
                consumer.close(CLOSE_BOUND);
                closed.countDown();
            }
        }
    }

    /**
     * Offsets say "done", so they are committed only once this poll's reservations are stored: a crash
     * right after the commit would otherwise lose what was still in the producer's buffer. Only handled
     * records are committed (if a handler threw mid-poll, the rest is read again). If a send failed,
     * nothing is committed and the service stops; its orders are read again on restart.
     */
    private void commitWhatIsStored() {
        producer.flush();
        var failed = sendFailure.get();
        if (failed != null) {
            throw new IllegalStateException("A send failed, so this poll's offsets stay uncommitted and its orders"
                    + " will be read again after a restart: " + failed.getMessage(), failed);
        }
        if (!handled.isEmpty()) {
            consumer.commitSync(handled);
            handled.clear();
        }
    }

    private void handle(ConsumerRecord<String, String> record) {
        OrderPlaced order;
        try {
            order = OrderPlacedJson.fromJson(record.value());
        } catch (IllegalArgumentException notAnOrder) {
            park(record, notAnOrder);
            return;
        }
        var reservation = stock.reserve(order);
        producer.send(new ProducerRecord<>(reservationsTopic, order.orderId(), EventJson.toJson(reservation)), rememberFailure);
    }

    /** Keeps a record that is not an order, as it came, with why and where from. */
    private void park(ConsumerRecord<String, String> record, Exception why) {
        var parked = new ProducerRecord<>(deadLetterTopic, record.key(), record.value());
        parked.headers().add("error", String.valueOf(why.getMessage()).getBytes(StandardCharsets.UTF_8));
        parked.headers().add("origin", (record.topic() + "-" + record.partition() + "@" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        producer.send(parked, rememberFailure);
    }

    /** Asks the loop to stop; safe from any thread. */
    public void shutdown() {
        consumer.wakeup();
    }

    /** Waits until the loop has flushed, committed and closed the consumer. */
    public boolean awaitClosed(Duration timeout) throws InterruptedException {
        return closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
