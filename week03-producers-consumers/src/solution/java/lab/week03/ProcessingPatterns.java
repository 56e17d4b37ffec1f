package lab.week03;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Exercise 3.7: three ways to process what one {@code poll()} returns, each with the commit that fits
 * it. Each method polls once, processes, commits, and returns how many records it processed.
 * <ul>
 *   <li>one at a time: simplest; a commit per record means a crash repeats at most one record;</li>
 *   <li>in a batch: one call for the whole poll (a bulk insert), one commit; a failure repeats the batch;</li>
 *   <li>parallel per partition: each partition's records in order on a worker, partitions side by side.
 *       A key always lands in the same partition, so each key's events stay in order.</li>
 * </ul>
 */
public final class ProcessingPatterns {

    /** How long one poll waits for records. */
    public static final Duration POLL = Duration.ofMillis(200);

    private ProcessingPatterns() {
    }

    /**
     * Handles the polled records one by one and commits each right after it is handled. When the handler
     * throws, every record before it stays committed and the exception goes to the caller.
     */
    public static int oneAtATime(Consumer<String, String> consumer,
                                 java.util.function.Consumer<ConsumerRecord<String, String>> handler) {
        var records = consumer.poll(POLL);
        for (var record : records) {
            handler.accept(record);
            consumer.commitSync(Map.of(partitionOf(record), new OffsetAndMetadata(record.offset() + 1)));
        }
        return records.count();
    }

    /** Hands all polled records to the handler in one call (none when the poll is empty), then commits once. */
    public static int inBatch(Consumer<String, String> consumer,
                              java.util.function.Consumer<List<ConsumerRecord<String, String>>> handler) {
        var records = consumer.poll(POLL);
        if (records.isEmpty()) {
            return 0;
        }
        var batch = new ArrayList<ConsumerRecord<String, String>>(records.count());
        records.forEach(batch::add);
        handler.accept(batch);
        consumer.commitSync();
        return batch.size();
    }

    /**
     * Handles each partition's records in order on a worker from {@code workers}, all partitions at the
     * same time, waits for them, and commits the partitions whose records were all handled. The polling
     * thread handles no record itself.
     */
    public static int parallelPerPartition(Consumer<String, String> consumer,
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
            throw failure;
        }
        return records.count();
    }

    private static TopicPartition partitionOf(ConsumerRecord<?, ?> record) {
        return new TopicPartition(record.topic(), record.partition());
    }
}
