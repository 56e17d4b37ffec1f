package lab.week02;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

import lab.kit.junit.Intercept;
import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static lab.kit.junit.LabAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

@WithKafka
@Tag("ex2.5")
@DisplayName("2.5 Exactly once: consume, transform, produce in a transaction")
class ExactlyOnceRelayTest {

    private static final List<String> ORDERS = List.of("o-1", "o-2", "o-3");
    private static final UnaryOperator<String> CONFIRM = value -> "confirmed:" + value;

    @Test
    @DisplayName("a relayed batch is visible to read_committed readers, and its offsets are committed")
    void relaysAndCommits(KafkaLab kafka) throws Exception {
        var relay = new Relay(kafka);

        relay.runOnce(CONFIRM);

        assertThat(relay.output(IsolationLevel.READ_COMMITTED, 3)).as("confirmations seen by a read_committed reader")
                .containsExactly("confirmed:o-1", "confirmed:o-2", "confirmed:o-3");
        assertThat(relay.committedOffset()).as("input offset committed with the transaction for the relay's group").hasValue(3L);
    }

    @Test
    @DisplayName("a crash mid-batch aborts: after a restart, read_committed readers see each order exactly once")
    void crashThenRestartConfirmsEachOrderOnce(KafkaLab kafka) throws Exception {
        var relay = new Relay(kafka);

        assertFails("the crash must reach the caller", relay::runOnceCrashingAtTheSecondSend)
                .isInstanceOf(SimulatedCrash.class);
        assertThat(relay.committedOffset()).as("input offset committed by the crashed run: none, it was aborted").isEmpty();

        relay.runOnce(CONFIRM);

        assertThat(relay.output(IsolationLevel.READ_COMMITTED, 3))
                .as("confirmations seen by a read_committed reader: o-1's from the crashed run must not be among them")
                .containsExactly("confirmed:o-1", "confirmed:o-2", "confirmed:o-3");
        assertThat(relay.output(IsolationLevel.READ_UNCOMMITTED, 4))
                .as("a read_uncommitted reader also sees the aborted confirmation of o-1")
                .containsExactly("confirmed:o-1", "confirmed:o-1", "confirmed:o-2", "confirmed:o-3");
    }

    @Test
    @DisplayName("after an aborted batch the consumer is back at the batch's start, so a retry reads it again")
    void abortRewindsTheConsumer(KafkaLab kafka) throws Exception {
        var relay = new Relay(kafka);
        var consumer = relay.consumer();

        assertFails("the crash must reach the caller", () -> relay.runOnceCrashingAtTheSecondSend(consumer))
                .isInstanceOf(SimulatedCrash.class);

        assertThat(consumer.position(relay.inputPartition())).as("the consumer's position after the aborted batch: 0, "
                + "the batch's first offset (poll() had moved it to 3: a caller that goes on with this consumer would "
                + "skip the aborted orders, and its next commit would confirm them unrelayed)").isEqualTo(0L);
    }

    /** An input topic with three orders, an output topic, one transactional producer, one group. */
    private static final class Relay {
        private final KafkaLab kafka;
        private final String input;
        private final String output;
        private final String group;
        private final KafkaProducer<String, String> producer;

        Relay(KafkaLab kafka) throws Exception {
            this.kafka = kafka;
            this.input = kafka.createTopic("orders", 1);
            this.output = kafka.createTopic("confirmations", 1);
            this.group = kafka.uniqueName("confirmer");
            var plain = kafka.newProducer();
            for (var order : ORDERS) {
                plain.send(new ProducerRecord<>(input, order, order)).get();
            }
            var config = kafka.producerConfig();
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, kafka.uniqueName("confirmer-tx"));
            this.producer = kafka.closeAfterTest(new KafkaProducer<>(config));
            producer.initTransactions();
        }

        /** One relay run by a fresh member of the group: it starts from the group's committed offset. */
        void runOnce(UnaryOperator<String> transform) {
            run(producer, transform);
        }

        /**
         * A run that dies at its second send (o-2's confirmation), once the first (o-1's) is really in the
         * log, so the abort has something to hide. The relay may transform first and send after, or the
         * other way round: either way the crash comes from the producer.
         */
        void runOnceCrashingAtTheSecondSend() {
            try (var consumer = new KafkaConsumer<String, String>(kafka.manualCommitConfig(group))) {
                consumer.subscribe(List.of(input));
                runOnceCrashingAtTheSecondSend(consumer);
            }
        }

        /** The same crashing run, by {@code consumer}, which stays open. */
        @SuppressWarnings("unchecked") // the stand-in is of the raw interface
        void runOnceCrashingAtTheSecondSend(KafkaConsumer<String, String> consumer) {
            var sends = new ArrayList<Future<?>>();
            Producer<String, String> crashing = Intercept.of(Producer.class, producer, call -> {
                if (!call.named("send")) {
                    return call.proceed();
                }
                if (sends.size() == 1) {
                    sends.get(0).get();
                    throw new SimulatedCrash("died while confirming the second order");
                }
                var sent = (Future<?>) call.proceed();
                sends.add(sent);
                return sent;
            });
            ExactlyOnceRelay.relayOneBatch(withoutOwnCommits(consumer), crashing, output, CONFIRM);
        }

        /** A fresh member of the group, subscribed to the input, closed after the test. */
        KafkaConsumer<String, String> consumer() {
            var consumer = kafka.newConsumer(kafka.manualCommitConfig(group));
            consumer.subscribe(List.of(input));
            return consumer;
        }

        TopicPartition inputPartition() {
            return new TopicPartition(input, 0);
        }

        private void run(Producer<String, String> through, UnaryOperator<String> transform) {
            try (var consumer = new KafkaConsumer<String, String>(kafka.manualCommitConfig(group))) {
                consumer.subscribe(List.of(input));
                ExactlyOnceRelay.relayOneBatch(withoutOwnCommits(consumer), through, output, transform);
            }
        }

        /** The consumer, refusing its own commits: a commit outside the transaction would survive an abort. */
        @SuppressWarnings("unchecked") // the stand-in is of the raw interface
        private static Consumer<String, String> withoutOwnCommits(Consumer<String, String> consumer) {
            return Intercept.of(Consumer.class, consumer, call -> {
                if (call.method().getName().startsWith("commit")) {
                    throw new AssertionError("The relay called consumer." + call.method().getName() + ": offsets must "
                            + "travel in the transaction (producer.sendOffsetsToTransaction), or an aborted batch "
                            + "would stay committed");
                }
                return call.proceed();
            });
        }

        List<String> output(IsolationLevel isolation, int count) {
            var config = kafka.consumerConfig(kafka.uniqueName("reader"));
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString());
            var reader = kafka.newConsumer(config);
            reader.subscribe(List.of(output));
            return LabAwait.records(reader, count).stream().map(ConsumerRecord::value).toList();
        }

        OptionalLong committedOffset() throws Exception {
            return kafka.committedOffset(group, new TopicPartition(input, 0));
        }
    }
}
