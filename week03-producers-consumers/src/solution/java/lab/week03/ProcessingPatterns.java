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
import org.apache.kafka.clients.consumer.ConsumerRecords;
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
 * On a failure each one also rewinds the consumer to what it did not handle: {@code poll()} has moved the
 * position past everything it returned, and the next poll would otherwise skip it.
 */
public final class ProcessingPatterns {

    /** How long one poll waits for records. */
    public static final Duration POLL = Duration.ofMillis(200);

    private ProcessingPatterns() {
    }

    /**
     * Handles the polled records one by one and commits each right after it is handled. When the handler
     * throws, every record before it stays committed, the consumer is rewound to the failed record (the
     * next poll starts there), and the exception goes to the caller.
     */
    public static int oneAtATime(Consumer<String, String> consumer,
                                 java.util.function.Consumer<ConsumerRecord<String, String>> handler) {
        var records = consumer.poll(POLL);
        var done = new HashMap<TopicPartition, OffsetAndMetadata>();
        for (var record : records) {
            try {
                handler.accept(record);
            } catch (RuntimeException e) {
                rewind(consumer, records, done);
                throw e;
            }
            var next = Map.of(partitionOf(record), new OffsetAndMetadata(record.offset() + 1));
            consumer.commitSync(next);
            done.putAll(next);
        }
        return records.count();
    }

    /**
     * Hands all polled records to the handler in one call (none when the poll is empty), then commits once.
     * When the handler throws, nothing is committed and the consumer is rewound to the batch's start.
     */
    public static int inBatch(Consumer<String, String> consumer,
                              java.util.function.Consumer<List<ConsumerRecord<String, String>>> handler) {
        var records = consumer.poll(POLL);
        if (records.isEmpty()) {
            return 0;
        }
        var batch = new ArrayList<ConsumerRecord<String, String>>(records.count());
        records.forEach(batch::add);
        try {
            handler.accept(batch);
        } catch (RuntimeException e) {
            rewind(consumer, records, Map.of());
            throw e;
        }
        consumer.commitSync();
        return batch.size();
    }

    /**
     * Handles each partition's records in order on a worker from {@code workers}, all partitions at the
     * same time, waits for them, and commits the partitions whose records were all handled; a failed
     * partition is rewound to its first record in the poll. The polling thread handles no record itself.
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
            rewind(consumer, records, handled); // the failed partitions start again from this poll's first record
            throw failure;
        }
        return records.count();
    }

    /**
     * After a failure: poll() has already moved the consumer past every record it returned, so each
     * partition not fully handled is sought back to its first unhandled record. Without this, a caller
     * that goes on polling skips them (until a restart reads from the committed offset).
     */
    private static void rewind(Consumer<String, String> consumer, ConsumerRecords<String, String> records,
                               Map<TopicPartition, OffsetAndMetadata> done) {
        for (var partition : records.partitions()) {
            var handled = done.get(partition);
            consumer.seek(partition, handled != null ? handled.offset() : records.records(partition).get(0).offset());
        }
    }

    private static TopicPartition partitionOf(ConsumerRecord<?, ?> record) {
        return new TopicPartition(record.topic(), record.partition());
    }
}
