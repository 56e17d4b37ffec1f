package lab.week04;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static lab.kit.junit.LabAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@Tag("ex4.10")
@DisplayName("4.10 Unit tests with MockConsumer and MockProducer, and where they mislead")
class OrderAuditRelayTest {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final TopicPartition ORDERS = new TopicPartition("orders", 0);

    private final MockConsumer<String, String> consumer = new MockConsumer<>("earliest");

    private void ordersWaiting(String... keys) {
        consumer.assign(List.of(ORDERS));
        consumer.updateBeginningOffsets(Map.of(ORDERS, 0L));
        for (var offset = 0; offset < keys.length; offset++) {
            consumer.addRecord(new ConsumerRecord<>("orders", 0, offset, keys[offset], "{\"n\":" + offset + "}"));
        }
    }

    private Long committed() {
        var committed = consumer.committed(Set.of(ORDERS)).get(ORDERS);
        return committed == null ? null : committed.offset();
    }

    @Nested
    @DisplayName("with mocks: fast, no broker, every outcome on demand")
    class WithMocks {

        @Test
        @DisplayName("each order becomes one audit record, and the offsets are committed")
        void relaysAndCommits() throws Exception {
            ordersWaiting("o-1", "o-2", "o-3");
            var producer = new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());

            var relayed = new OrderAuditRelay(consumer, producer, "audit").relayOnce(POLL);

            assertThat(relayed).as("orders relayOnce() reports").isEqualTo(3);
            assertThat(producer.history()).extracting(ProducerRecord::topic, ProducerRecord::key, ProducerRecord::value)
                    .as("audit records sent (MockProducer.history())")
                    .containsExactly(tuple("audit", "o-1", "audited {\"n\":0}"), tuple("audit", "o-2", "audited {\"n\":1}"),
                            tuple("audit", "o-3", "audited {\"n\":2}"));
            assertThat(new String(producer.history().get(2).headers().lastHeader(OrderAuditRelay.SOURCE).value(),
                    StandardCharsets.UTF_8)).as("%s header of the third audit record", OrderAuditRelay.SOURCE)
                    .isEqualTo("orders-0@2");
            assertThat(committed()).as("offset committed for orders-0: the next one to read").isEqualTo(3L);
        }

        @Test
        @DisplayName("a send that fails commits nothing: the orders will be read again")
        void failedSendCommitsNothing() {
            ordersWaiting("o-1", "o-2");
            // autoComplete false: each send stays pending until the test completes or fails it.
            var producer = new MockProducer<>(false, null, new StringSerializer(), new StringSerializer());
            var relay = new OrderAuditRelay(consumer, producer, "audit");

            // Its own thread, not the common pool (one thread on 2 cores): a relay that hangs here must not
            // hold a thread other code waits for.
            var relaying = CompletableFuture.supplyAsync(() -> relayQuietly(relay), runnable -> {
                var thread = new Thread(runnable, "audit-relay");
                thread.setDaemon(true);
                thread.start();
            });
            // Step by step, so a relay that waits after each send works as well as one that sends all first.
            awaitSends(producer, relaying, 1);
            producer.completeNext();
            awaitSends(producer, relaying, 2);
            producer.errorNext(new TimeoutException("audit topic unavailable"));

            assertFails("relayOnce() when the second audit record failed: it must throw, not carry on as if "
                    + "every order was audited", relaying::join)
                    .isInstanceOf(CompletionException.class).cause().isInstanceOf(IllegalStateException.class)
                    .satisfies(failure -> assertThat(causes(failure)).as("its causes: the send's TimeoutException, "
                            + "however wrapped").anyMatch(TimeoutException.class::isInstance));
            assertThat(consumer.position(ORDERS)).as("the consumer's position after the failure: back at o-1, so "
                    + "a relay that goes on reads the orders again (poll() had moved past them)").isZero();
            assertThat(committed()).as("offset committed after a failed audit (must be none)").isNull();
        }
    }

    @Nested
    @WithKafka
    @DisplayName("where mocks mislead: the same code against a real broker")
    class WhereMocksMislead {

        @Test
        @DisplayName("MockProducer accepts a topic that does not exist; a broker does not, and nothing is committed")
        void missingTopic(KafkaLab kafka) throws Exception {
            ordersWaiting("o-1");
            var mockProducer = new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
            var mocked = new OrderAuditRelay(consumer, mockProducer, "audit-typo").relayOnce(POLL);
            var orders = kafka.createTopic("orders", 1);
            kafka.produce(List.of(new ProducerRecord<>(orders, "o-1", "{}")));
            var realConsumer = kafka.newConsumer(kafka.manualCommitConfig(kafka.uniqueName("audit")));
            realConsumer.subscribe(List.of(orders));
            // A short max.block.ms: by default the producer waits 60 s for the topic's metadata.
            var realProducer = kafka.newProducer(Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000));
            var real = new OrderAuditRelay(realConsumer, realProducer, kafka.uniqueName("audit-typo"));

            assertThat(mocked).as("with MockProducer, a relay to a topic nobody created 'works'").isEqualTo(1);
            assertFails("with a broker (auto-create off, as in production), relayOnce() to a missing topic",
                    () -> LabAwait.until("relayOnce() to read the order").until(() -> real.relayOnce(POLL) > 0))
                    .isInstanceOf(IllegalStateException.class)
                    .satisfies(failure -> assertThat(causes(failure)).as("its causes: the producer's TimeoutException, "
                            + "however wrapped").anySatisfy(cause -> assertThat(cause).isInstanceOf(TimeoutException.class)
                            .hasMessageContaining("not present in metadata")));
            assertThat(kafka.committedOffset(realConsumer.groupMetadata().groupId(), new TopicPartition(orders, 0)))
                    .as("offset committed after the failed audit").isEmpty();
        }
    }

    /** {@code failure}'s causes, outermost first. */
    private static List<Throwable> causes(Throwable failure) {
        var causes = new ArrayList<Throwable>();
        for (var cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            causes.add(cause);
        }
        return causes;
    }

    /** Waits until the relay has handed {@code count} records to the mock, failing at once if it ended early. */
    private static void awaitSends(MockProducer<String, String> producer, CompletableFuture<Integer> relaying, int count) {
        LabAwait.until(count + " audit record(s) handed to the producer").until(() -> {
            if (relaying.isDone()) {
                relaying.join(); // relayOnce() ended before sending them: show why
            }
            return producer.history().size() >= count;
        });
    }

    private static int relayQuietly(OrderAuditRelay relay) {
        try {
            return relay.relayOnce(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
