package lab.week03;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Exercise 3.9: processing the partitions of a poll side by side on worker threads, each partition's
 * records in order on one worker. A key always lands in the same partition, so each key's events stay
 * in order while the partitions run in parallel.
 */
public final class PartitionParallel {

    /** How long one poll waits for records. */
    public static final Duration POLL = Duration.ofMillis(200);

    private PartitionParallel() {
    }

    /**
     * Polls once, handles each partition's records in order on a worker from {@code workers}, all
     * partitions at the same time, waits for them, and commits the partitions whose records were all
     * handled; returns how many records the poll brought. A failed partition is rewound to its first
     * record in the poll and the failure goes to the caller. The polling thread handles no record itself.
     */
    public static int process(Consumer<String, String> consumer,
                              java.util.function.Consumer<ConsumerRecord<String, String>> handler,
                              ExecutorService workers) {
        var records = consumer.poll(POLL);
        var tasks = new LinkedHashMap<TopicPartition, Future<?>>();
        for (var partition : records.partitions()) {
            tasks.put(partition, workers.submit(() -> records.records(partition).forEach(handler)));
        }
        var handled = new HashMap<TopicPartition, OffsetAndMetadata>();
        RuntimeException failure = null;
        for (var task : tasks.entrySet()) {
            try {
                task.getValue().get();
                var inOrder = records.records(task.getKey());
                handled.put(task.getKey(), new OffsetAndMetadata(inOrder.get(inOrder.size() - 1).offset() + 1));
            } catch (ExecutionException e) {
                failure = new IllegalStateException("Handling " + task.getKey() + " failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException("Interrupted while waiting for the workers", e);
            }
        }
        // Partitions that finished are committed even when another failed: their work is done.
        if (!handled.isEmpty()) {
            consumer.commitSync(handled);
        }
        if (failure != null) {
            PollRewind.toFirstUnhandled(consumer, records, handled);
            throw failure;
        }
        return records.count();
    }
}
