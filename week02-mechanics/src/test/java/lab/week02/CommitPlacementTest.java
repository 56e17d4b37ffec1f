package lab.week02;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static lab.kit.junit.LabAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consumer handles five orders and "dies" at the third (the handler throws); a second consumer of the
 * same group then starts from whatever the first committed. The handled list tells what was lost or
 * handled twice.
 */
@WithKafka
@Tag("ex2.4")
@DisplayName("2.4 Commit placement: at most once vs at least once")
class CommitPlacementTest {

    private static final List<String> ORDERS = List.of("o-0", "o-1", "o-2", "o-3", "o-4");

    @Test
    @DisplayName("at most once: a crash mid-batch loses the rest, nothing is handled twice")
    void atMostOnceLoses(KafkaLab kafka) throws Exception {
        var scenario = new CrashScenario(kafka);

        scenario.crashAt("o-2", CommitPlacement::atMostOnce);

        assertThat(scenario.committed()).as("offset committed before the crash: the whole batch, 5").hasValue(5L);
        assertThat(scenario.handled).as("orders handled before the crash at o-2; o-2, o-3 and o-4 are lost (committed, never handled)").containsExactly("o-0", "o-1");
    }

    @Test
    @DisplayName("at least once: a crash mid-batch delivers the batch again, duplicates included")
    void atLeastOnceRedelivers(KafkaLab kafka) throws Exception {
        var scenario = new CrashScenario(kafka);
        scenario.crashAt("o-2", CommitPlacement::atLeastOnce);

        assertThat(scenario.committed()).as("offset committed before the crash: none, so a restart reads from 0").isEmpty();

        scenario.restart(CommitPlacement::atLeastOnce);

        assertThat(scenario.handled).as("orders handled across the crash and the restart: nothing lost, o-0 and o-1 twice")
                .containsExactly("o-0", "o-1", "o-0", "o-1", "o-2", "o-3", "o-4");
        assertThat(scenario.committed()).as("offset committed after the restart").hasValue(5L);
    }

    /** Five orders on one partition, a group, and a list of the orders handled, in order. */
    private static final class CrashScenario {
        private final KafkaLab kafka;
        private final String topic;
        private final String group;
        private final List<String> handled = new ArrayList<>();

        CrashScenario(KafkaLab kafka) throws Exception {
            this.kafka = kafka;
            this.topic = kafka.createTopic("orders", 1);
            this.group = kafka.uniqueName("inventory");
            kafka.produce(ORDERS.stream().map(order -> new ProducerRecord<>(topic, order, "order.created")).toList());
        }

        void crashAt(String order, Strategy strategy) {
            try (var consumer = subscribed()) {
                Consumer<ConsumerRecord<String, String>> handler = record -> {
                    if (record.key().equals(order)) {
                        throw new SimulatedCrash("died while handling " + order);
                    }
                    handled.add(record.key());
                };
                assertFails("the handler's crash must reach the caller (a caught exception lets the batch be "
                        + "committed as if it had been handled)", () -> strategy.runOneBatch(consumer, handler))
                        .isInstanceOf(SimulatedCrash.class);
            } // close() with auto-commit off commits nothing: what was committed is what a crash leaves
        }

        void restart(Strategy strategy) {
            try (var consumer = subscribed()) {
                strategy.runOneBatch(consumer, record -> handled.add(record.key()));
            }
        }

        OptionalLong committed() throws Exception {
            return kafka.committedOffset(group, new TopicPartition(topic, 0));
        }

        private KafkaConsumer<String, String> subscribed() {
            var config = kafka.manualCommitConfig(group);
            var consumer = new KafkaConsumer<String, String>(config);
            consumer.subscribe(List.of(topic));
            return consumer;
        }
    }

    @FunctionalInterface
    private interface Strategy {
        void runOneBatch(org.apache.kafka.clients.consumer.Consumer<String, String> consumer,
                         Consumer<ConsumerRecord<String, String>> handler);
    }
}
