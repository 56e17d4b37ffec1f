package lab.week03;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import lab.kit.junit.Background;
import lab.kit.junit.Intercept;
import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The consumer's loop runs on its own thread, as in a service; the test stops it from outside. */
@WithKafka
@Tag("ex3.4")
@DisplayName("3.4 Graceful shutdown")
class InventoryConsumerTest {

    private static final Duration BOUND = LabAwait.TIMEOUT; // -Dlab.await.seconds stretches it on a slow machine

    @Test
    @DisplayName("shutdown() stops the loop, which commits what it handled and closes")
    void shutdownCommitsAndCloses(KafkaLab kafka) throws Exception {
        var running = new Running(kafka);

        running.inventory.shutdown();

        assertThat(running.inventory.awaitClosed(BOUND)).as("closed within %d s after shutdown()", BOUND.toSeconds()).isTrue();
        assertThat(running.thread.ended(BOUND)).as("the consumer thread has ended").isTrue();
        assertThat(running.thread.failure()).as("the loop ended without an error").isNull();
        assertThat(running.committed()).as("committed offset: all 5 handled orders").hasValue(5L);
        assertThat(running.members()).as("members of the group after the close (close() leaves the group)").isEmpty();
    }

    @Test
    @DisplayName("the loop commits what each poll handled while it runs, not only when it stops")
    void commitsWhileRunning(KafkaLab kafka) throws Exception {
        var running = new Running(kafka);
        var pollsWhenHandled = running.pollsStarted.get();

        running.thread.awaitUntil("the loop to poll again after handling the 5 orders",
                () -> running.pollsStarted.get() > pollsWhenHandled);

        assertThat(running.committed()).as("committed offset while the loop still runs, before any shutdown(): all 5 "
                + "handled orders (commit after each poll's records, or a crash repeats all since the start)").hasValue(5L);
    }

    @Test
    @DisplayName("a handler that throws ends the loop: what was handled is committed, the failed order is not")
    void failedHandlerCommitsOnlyWhatWasHandled(KafkaLab kafka) throws Exception {
        var running = new Running(kafka, "o-2"); // the inventory database fails on o-2

        assertThat(running.thread.ended(BOUND)).as("the loop ended after the handler threw").isTrue();
        assertThat(running.thread.failure()).as("what ended it: the handler's error, not hidden")
                .hasMessageContaining("o-2");
        assertThat(running.inventory.awaitClosed(Duration.ZERO)).as("closed after the error too").isTrue();
        assertThat(running.committed()).as("committed offset after o-2's handler threw: o-0 and o-1 handled; o-2 "
                + "and the rest of that poll must be read again after a restart").hasValue(2L);
    }

    @Test
    @DisplayName("the shutdown hook (what SIGTERM runs) stops the loop and waits for it")
    void shutdownHook(KafkaLab kafka) throws Exception {
        var running = new Running(kafka);
        var hook = running.inventory.shutdownHook();

        hook.run();   // the JVM runs it on SIGTERM; here the test runs it

        assertThat(running.inventory.awaitClosed(Duration.ZERO)).as("closed by the time the hook returned").isTrue();
        assertThat(running.committed()).as("committed offset once the hook returned: all 5 handled orders").hasValue(5L);
    }

    /** An InventoryConsumer running on its own thread, given 5 orders; without a failing order it has handled them all. */
    private static final class Running {
        private final KafkaLab kafka;
        private final String topic;
        private final String group;
        private final InventoryConsumer inventory;
        private final Background thread;
        private final List<String> handled = new CopyOnWriteArrayList<>();
        /** Calls of poll() the loop has made (counted as each starts): a new one means the last poll's work is done. */
        private final AtomicInteger pollsStarted = new AtomicInteger();

        Running(KafkaLab kafka) throws Exception {
            this(kafka, null);
            thread.awaitUntil("5 orders handled by the consumer's thread", () -> handled.size() == 5);
        }

        Running(KafkaLab kafka, String failingOrder) throws Exception {
            this.kafka = kafka;
            this.topic = kafka.createTopic("orders", 1);
            this.group = kafka.uniqueName("inventory");
            // The orders are there before the first poll, so one poll returns them all.
            kafka.produce(IntStream.range(0, 5).mapToObj(i -> new ProducerRecord<>(topic, "o-" + i, "order.placed")).toList());
            inventory = new InventoryConsumer(pollsCounted(new KafkaConsumer<>(kafka.manualCommitConfig(group))), topic, record -> {
                if (record.key().equals(failingOrder)) {
                    throw new IllegalStateException("inventory database down while reserving " + record.key());
                }
                handled.add(record.key());
            });
            thread = Background.start("inventory-consumer", inventory);
            kafka.closeAfterTest(() -> { // a test that failed before stopping it must not leave it polling
                if (!thread.ended(Duration.ZERO)) {
                    inventory.shutdown();
                    thread.ended(BOUND);
                }
            });
        }

        @SuppressWarnings("unchecked") // the stand-in is of the raw interface
        private Consumer<String, String> pollsCounted(Consumer<String, String> consumer) {
            return Intercept.of(Consumer.class, consumer, call -> {
                if (call.named("poll")) {
                    pollsStarted.incrementAndGet();
                }
                return call.proceed();
            });
        }

        OptionalLong committed() throws Exception {
            return kafka.committedOffset(group, new TopicPartition(topic, 0));
        }

        Collection<MemberDescription> members() throws Exception {
            return kafka.admin().describeConsumerGroups(List.of(group)).all().get().get(group).members();
        }
    }
}
