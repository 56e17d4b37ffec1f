package lab.week03;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import lab.kit.junit.Background;
import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
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

    private static final Duration BOUND = Duration.ofSeconds(10);

    @Test
    @DisplayName("3.4 shutdown() stops the loop, which commits what it handled and closes")
    void shutdownCommitsAndCloses(KafkaLab kafka) throws Exception {
        var running = new Running(kafka);

        running.inventory.shutdown();

        assertThat(running.inventory.awaitClosed(BOUND)).as("closed within %s after shutdown()", BOUND).isTrue();
        assertThat(running.thread.ended(BOUND)).as("the consumer thread has ended").isTrue();
        assertThat(running.thread.failure()).as("the loop ended without an error").isNull();
        assertThat(running.committed()).as("committed offset: all 5 handled orders").isEqualTo(5L);
    }

    @Test
    @DisplayName("3.4 the shutdown hook (what SIGTERM runs) stops the loop and waits for it")
    void shutdownHook(KafkaLab kafka) throws Exception {
        var running = new Running(kafka);
        var hook = running.inventory.shutdownHook();

        hook.run();   // the JVM runs it on SIGTERM; here the test runs it

        assertThat(running.inventory.awaitClosed(Duration.ZERO)).as("closed by the time the hook returned").isTrue();
        assertThat(running.committed()).isEqualTo(5L);
    }

    /** An InventoryConsumer running on its own thread that has handled 5 orders. */
    private static final class Running {
        private final KafkaLab kafka;
        private final String topic;
        private final String group;
        private final InventoryConsumer inventory;
        private final Background thread;
        private final List<String> handled = new CopyOnWriteArrayList<>();

        Running(KafkaLab kafka) throws Exception {
            this.kafka = kafka;
            this.topic = kafka.createTopic("orders", 1);
            this.group = kafka.uniqueName("inventory");
            var config = kafka.consumerConfig(group);
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            inventory = new InventoryConsumer(new KafkaConsumer<>(config), topic, record -> handled.add(record.key()));
            thread = Background.start("inventory-consumer", inventory);
            kafka.produce(IntStream.range(0, 5).mapToObj(i -> new ProducerRecord<>(topic, "o-" + i, "order.placed")).toList());
            thread.awaitUntil("5 orders handled by the consumer's thread", () -> handled.size() == 5);
        }

        Long committed() throws Exception {
            return kafka.committedOffset(group, new TopicPartition(topic, 0));
        }
    }
}
