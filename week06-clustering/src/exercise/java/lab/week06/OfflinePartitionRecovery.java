package lab.week06;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;

/**
 * Exercise 6.8: a partition with no leader, and the choice it forces. When every in-sync replica of a
 * partition is gone and only a replica that fell behind is alive, Kafka waits: the partition is offline
 * until an in-sync replica returns. An operator may instead elect the stale replica (an unclean
 * election): the partition serves again at once, and every record the stale replica never copied is
 * gone for good. For metrics that may be right; for orders and payments it rarely is.
 */
public final class OfflinePartitionRecovery {

    private final Admin admin;

    public OfflinePartitionRecovery(Admin admin) {
        this.admin = admin;
    }

    /** The partitions of {@code topic} that have no leader now. */
    public Set<TopicPartition> offlinePartitions(String topic) throws ExecutionException, InterruptedException {
        // TODO 6.8: the partitions of the topic without a leader, as the cluster sees them at this call.
        throw new UnsupportedOperationException("Exercise 6.8 not done yet: see HINTS.md#68");
    }

    /** The safe choice: waits until {@code partition} has a leader again, for at most {@code timeout}. */
    public void awaitLeader(TopicPartition partition, Duration timeout) {
        // TODO 6.8: wait (Waits.until) until the partition has a leader again; elect nobody.
        throw new UnsupportedOperationException("Exercise 6.8 not done yet: see HINTS.md#68");
    }

    /** The other choice: makes a live replica that is not in sync the leader of {@code partition}, now. */
    public void electUncleanly(TopicPartition partition) throws ExecutionException, InterruptedException {
        // TODO 6.8: ask the controller for an unclean election of this one partition only.
        throw new UnsupportedOperationException("Exercise 6.8 not done yet: see HINTS.md#68");
    }
}
