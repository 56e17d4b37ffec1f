package lab.week05;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Feeds a projection from the event topic on its own thread (given): poll, apply each record, commit.
 * A new group id reads the whole log from the beginning: that is how a read model is rebuilt from
 * scratch, or a brand-new one is built from history. Its consumer needs {@code enable.auto.commit=false},
 * so that only applied records are ever committed.
 */
public final class ProjectionRunner implements Runnable {

    private final KafkaConsumer<String, String> consumer;
    private final String topic;
    private final Consumer<ConsumerRecord<String, String>> projection;
    private volatile boolean running = true;

    /** {@code consumer} has {@code auto.offset.reset=earliest} and the projection's own group id. */
    public ProjectionRunner(KafkaConsumer<String, String> consumer, String topic,
                            Consumer<ConsumerRecord<String, String>> projection) {
        this.consumer = consumer;
        this.topic = topic;
        this.projection = projection;
    }

    @Override
    public void run() {
        try (consumer) {
            consumer.subscribe(List.of(topic));
            while (running) {
                var records = consumer.poll(Duration.ofMillis(100));
                records.forEach(projection);
                if (!records.isEmpty()) {
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            // shutdown()
        }
    }

    public void shutdown() {
        running = false;
        consumer.wakeup();
    }
}
