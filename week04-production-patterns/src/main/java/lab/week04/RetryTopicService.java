package lab.week04;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * A consumer of a {@link RetryChain}'s main and retry topics (given; 4.4 writes the chain). A record
 * that fails goes to {@code chain.nextHop(..)}. A retry record that is not due yet is not slept on:
 * its partition is rewound to it and paused until it is due, and every other partition, the main topic
 * included, goes on. A record's offset is committed only once it was handled or handed on, so its
 * consumer needs {@code enable.auto.commit=false} (else closing it after a failure commits the rest).
 */
public final class RetryTopicService implements Runnable {

    /** The processing step that may fail. */
    public interface Handler {
        void handle(ConsumerRecord<byte[], byte[]> record) throws Exception;
    }

    private final Consumer<byte[], byte[]> consumer;
    private final Producer<byte[], byte[]> producer;
    private final RetryChain chain;
    private final Handler handler;
    private final Clock clock;
    private final Map<TopicPartition, Instant> pausedUntil = new HashMap<>();
    private volatile boolean running = true;

    public RetryTopicService(Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> producer, RetryChain chain,
                             Handler handler, Clock clock) {
        this.consumer = consumer;
        this.producer = producer;
        this.chain = chain;
        this.handler = handler;
        this.clock = clock;
    }

    @Override
    public void run() {
        try (consumer) {
            consumer.subscribe(chain.topics());
            while (running) {
                pollOnce();
            }
        } catch (WakeupException e) {
            // shutdown() woke the consumer up: leave the loop.
        }
    }

    /** Stops the loop from any thread. */
    public void shutdown() {
        running = false;
        consumer.wakeup();
    }

    private void pollOnce() {
        resumeWhatIsDue();
        var records = consumer.poll(Duration.ofMillis(100));
        var done = new HashMap<TopicPartition, OffsetAndMetadata>();
        for (var partition : records.partitions()) {
            for (var record : records.records(partition)) {
                var due = RetryChain.dueAt(record);
                if (due.isAfter(clock.instant())) {
                    // Records on a retry topic are in the order they failed; this one and all behind it wait.
                    consumer.seek(partition, record.offset());
                    consumer.pause(List.of(partition));
                    pausedUntil.put(partition, due);
                    break;
                }
                handleOrHandOn(record);
                done.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        if (!done.isEmpty()) {
            consumer.commitSync(done);
        }
    }

    private void handleOrHandOn(ConsumerRecord<byte[], byte[]> record) {
        try {
            handler.handle(record);
        } catch (Exception error) {
            try {
                // Stored before the offset is committed: a crash in between retries again, never loses it.
                producer.send(chain.nextHop(record, error, clock.instant())).get();
            } catch (ExecutionException | InterruptedException sendFailed) {
                if (sendFailed instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("Could not hand " + record.topic() + "-" + record.partition() + "@"
                        + record.offset() + " on to its next retry topic; stopping before its offset is committed",
                        sendFailed);
            }
        }
    }

    private void resumeWhatIsDue() {
        var now = clock.instant();
        var due = pausedUntil.entrySet().stream().filter(paused -> !paused.getValue().isAfter(now))
                .map(Map.Entry::getKey).toList();
        consumer.resume(due);
        due.forEach(pausedUntil::remove);
    }
}
