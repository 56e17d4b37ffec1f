package lab.week02;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Helpers for this week's poll loops, so the exercises are about what happens around a batch. */
public final class Batches {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private Batches() {
    }

    /**
     * Polls until a non-empty batch arrives (the first polls of a new member often return nothing while
     * the group assigns partitions), and returns it.
     *
     * @throws IllegalStateException when nothing arrives within 20 s
     */
    public static List<ConsumerRecord<String, String>> nextBatch(Consumer<String, String> consumer) {
        var deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            var batch = new ArrayList<ConsumerRecord<String, String>>();
            consumer.poll(POLL).forEach(batch::add);
            if (!batch.isEmpty()) {
                return batch;
            }
        }
        throw new IllegalStateException("No records arrived within " + WAIT.toSeconds() + " s; is the consumer subscribed?");
    }

    /** The offsets to commit after {@code batch}: per partition, the offset after the last record. */
    public static Map<TopicPartition, OffsetAndMetadata> offsetsAfter(List<ConsumerRecord<String, String>> batch) {
        var offsets = new HashMap<TopicPartition, OffsetAndMetadata>();
        for (var record : batch) {
            offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
        }
        return offsets;
    }
}
