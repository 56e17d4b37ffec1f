package lab.week03;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Exercise 3.4: the roadmap's {@code InventoryConsumer}, with a graceful shutdown. Its poll loop runs on
 * its own thread; {@link #shutdown()} is called from another (a shutdown hook when the process gets
 * SIGTERM). {@code wakeup()} is the one consumer method that is safe from another thread: it makes a
 * blocked {@code poll()} throw {@link WakeupException}. The loop then commits what it handled and closes
 * within a bound, so the group rebalances at once instead of waiting for the session to time out.
 */
public final class InventoryConsumer implements Runnable {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Consumer<String, String> consumer;
    private final String topic;
    private final java.util.function.Consumer<ConsumerRecord<String, String>> handler;
    private final CountDownLatch closed = new CountDownLatch(1);

    public InventoryConsumer(Consumer<String, String> consumer, String topic,
                             java.util.function.Consumer<ConsumerRecord<String, String>> handler) {
        this.consumer = consumer;
        this.topic = topic;
        this.handler = handler;
    }

    @Override
    public void run() {
        var handled = new HashMap<TopicPartition, OffsetAndMetadata>();
        try {
            consumer.subscribe(List.of(topic));
            while (true) {
                for (var record : consumer.poll(POLL)) {
                    handler.accept(record);
                    handled.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
                }
                commit(handled);
            }
        } catch (WakeupException e) {
            // shutdown() asked us to stop: not an error.
        } finally {
            try {
                // Commit what was handled, and only that: if a handler threw, its record and the rest of
                // the poll are read again after a restart. (commitSync() would commit the whole poll.)
                commit(handled);
            } finally {
                consumer.close(CLOSE_TIMEOUT); // leave the group within a bound
                closed.countDown();
            }
        }
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> handled) {
        if (!handled.isEmpty()) {
            consumer.commitSync(handled);
            handled.clear();
        }
    }

    /** Asks the loop to stop; safe from any thread. */
    public void shutdown() {
        consumer.wakeup();
    }

    /** Waits until the loop has committed and closed the consumer. */
    public boolean awaitClosed(Duration timeout) throws InterruptedException {
        return closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A JVM shutdown hook that stops the loop and waits (bounded) for it to close. */
    public Thread shutdownHook() {
        return new Thread(() -> {
            shutdown();
            try {
                awaitClosed(CLOSE_TIMEOUT.plusSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "inventory-consumer-shutdown");
    }
}
