package lab.week03;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Exercise 3.4: the roadmap's {@code InventoryConsumer}, with a graceful shutdown. Its poll loop runs on
 * its own thread; {@link #shutdown()} is called from another (a shutdown hook when the process gets
 * SIGTERM). {@code wakeup()} is the one consumer method that is safe from another thread: it makes a
 * blocked {@code poll()} throw {@link WakeupException}. The loop then commits what it handled and closes
 * within a bound, so the group rebalances at once instead of waiting for the session to time out.
 */
public final class InventoryConsumer implements Runnable {

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
        // TODO 3.4: subscribe; loop: poll, hand each record to the handler, commit what was handled. When
        //           poll throws WakeupException, stop; in any case (a handler may throw too) commit what was
        //           handled, and only that, close the consumer within a few seconds, and count down `closed`.
        throw new UnsupportedOperationException("Exercise 3.4 not done yet: see HINTS.md#34");
    }

    /** Asks the loop to stop; safe from any thread. */
    public void shutdown() {
        // TODO 3.4: wake the consumer up.
        throw new UnsupportedOperationException("Exercise 3.4 not done yet: see HINTS.md#34");
    }

    /** Waits until the loop has committed and closed the consumer. */
    public boolean awaitClosed(Duration timeout) throws InterruptedException {
        return closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A JVM shutdown hook that stops the loop and waits (bounded) for it to close. */
    public Thread shutdownHook() {
        // TODO 3.4: a thread that calls shutdown() and waits, with a bound, for the loop to close.
        throw new UnsupportedOperationException("Exercise 3.4 not done yet: see HINTS.md#34");
    }
}
