package lab.week02;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Exercise 2.12: {@code commitAsync} in the poll loop, {@code commitSync} at the end. An asynchronous
 * commit does not wait (the loop keeps its speed) and does not retry (a later commit covers a failed
 * one), so its failures are only worth logging. The last commit before closing has no later one to
 * cover for it: make it synchronous.
 */
public final class AsyncCommitter {

    private final Consumer<String, String> consumer;
    private final List<Exception> failures = new CopyOnWriteArrayList<>();

    public AsyncCommitter(Consumer<String, String> consumer) {
        this.consumer = consumer;
    }

    /** After a batch is handled: commit its offsets without waiting, noting any failure. */
    public void batchHandled(List<ConsumerRecord<String, String>> batch) {
        consumer.commitAsync(Batches.offsetsAfter(batch), this::noteFailure);
    }

    /** Before closing: commit the last batch's offsets and wait until the broker has them. */
    public void shutdown(List<ConsumerRecord<String, String>> lastBatch) {
        // Synchronous and retried: nothing comes after it to make up for a failure.
        consumer.commitSync(Batches.offsetsAfter(lastBatch));
        consumer.close();
    }

    /** Failures reported to the commit callbacks (called on the polling thread, during poll or commit). */
    public List<Exception> failures() {
        return List.copyOf(failures);
    }

    private void noteFailure(Map<TopicPartition, OffsetAndMetadata> offsets, Exception exception) {
        if (exception != null) {
            failures.add(exception);
        }
    }
}
