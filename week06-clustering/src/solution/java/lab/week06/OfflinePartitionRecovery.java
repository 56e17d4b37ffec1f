package lab.week06;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.ElectionType;
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
        var description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        // No leader is reported as null (Kafka's tools print -1).
        return description.partitions().stream()
                .filter(partition -> partition.leader() == null || partition.leader().id() < 0)
                .map(partition -> new TopicPartition(topic, partition.partition()))
                .collect(Collectors.toSet());
    }

    /** The safe choice: waits until {@code partition} has a leader again, for at most {@code timeout}. */
    public void awaitLeader(TopicPartition partition, Duration timeout) {
        Waits.until("a leader for " + partition, timeout, () -> !offlinePartitions(partition.topic()).contains(partition));
    }

    /** The other choice: makes a live replica that is not in sync the leader of {@code partition}, now. */
    public void electUncleanly(TopicPartition partition) throws ExecutionException, InterruptedException {
        // One partition, on purpose: an unclean election is a decision about data loss, taken per partition.
        // all() fails when the election failed; partitions() would hand the error back without throwing it.
        admin.electLeaders(ElectionType.UNCLEAN, Set.of(partition)).all().get();
    }
}
