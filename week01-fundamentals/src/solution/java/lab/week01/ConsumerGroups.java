package lab.week01;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Exercise 1.5: consumer groups read independently. Each group keeps its own committed offsets, so
 * inventory and analytics can both read every order event, each at its own pace, and a group that
 * comes back resumes where it committed.
 */
public final class ConsumerGroups {

    private static final Duration POLL = Duration.ofMillis(100);

    private ConsumerGroups() {
    }

    /**
     * Subscribes {@code consumer} to {@code topic}, polls until {@code count} records arrived (or
     * {@code timeout} passed), commits what was read, and returns the records.
     */
    public static List<ConsumerRecord<String, String>> readAndCommit(Consumer<String, String> consumer, String topic,
                                                                     int count, Duration timeout) {
        consumer.subscribe(List.of(topic));
        var records = new ArrayList<ConsumerRecord<String, String>>();
        var deadline = System.nanoTime() + timeout.toNanos();
        while (records.size() < count && System.nanoTime() < deadline) {
            consumer.poll(POLL).forEach(records::add);
        }
        // The group's bookmark: the offsets of the next records to read, stored in __consumer_offsets.
        consumer.commitSync();
        return records;
    }

    /** The offsets {@code groupId} has committed, per partition (empty for a group that never committed). */
    public static Map<TopicPartition, Long> committedOffsets(Admin admin, String groupId)
            throws ExecutionException, InterruptedException {
        var committed = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
        var offsets = new HashMap<TopicPartition, Long>();
        committed.forEach((partition, offset) -> offsets.put(partition, offset.offset()));
        return offsets;
    }
}
