package lab.week01;

import java.time.Duration;
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

    private ConsumerGroups() {
    }

    /**
     * Subscribes {@code consumer} to {@code topic}, polls until {@code count} records arrived (or
     * {@code timeout} passed), commits what was read, and returns the records.
     */
    public static List<ConsumerRecord<String, String>> readAndCommit(Consumer<String, String> consumer, String topic,
                                                                     int count, Duration timeout) {
        // TODO 1.5: subscribe, poll in a loop until count records or the deadline, then commitSync().
        throw new UnsupportedOperationException("Exercise 1.5 not done yet: see HINTS.md#15");
    }

    /** The offsets {@code groupId} has committed, per partition (empty for a group that never committed). */
    public static Map<TopicPartition, Long> committedOffsets(Admin admin, String groupId)
            throws ExecutionException, InterruptedException {
        // TODO 1.5: ask the Admin API for the group's committed offsets.
        throw new UnsupportedOperationException("Exercise 1.5 not done yet: see HINTS.md#15");
    }
}
