package lab.week01;

import java.util.List;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Node;

/**
 * Exercise 1.7: see replication at work. Each partition has one leader (it takes all reads and writes)
 * and followers that copy it; the in-sync replicas (ISR) are those caught up. When the leader's broker
 * stops, the controller makes an in-sync follower the new leader.
 */
public final class ReplicaInspector {

    private final Admin admin;

    public ReplicaInspector(Admin admin) {
        this.admin = admin;
    }

    /** Who leads {@code partition} of {@code topic}, who holds its replicas, and who is in sync. */
    public PartitionReplicas describe(String topic, int partition) throws ExecutionException, InterruptedException {
        var description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        var info = description.partitions().stream().filter(p -> p.partition() == partition).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(topic + " has no partition " + partition));
        // The broker ids are what matter here; a Node also carries the broker's host and port. While no
        // replica is in sync there is no leader (null): Kafka's own tools print -1 then.
        var leader = info.leader() == null ? -1 : info.leader().id();
        return new PartitionReplicas(leader, ids(info.replicas()), ids(info.isr()));
    }

    private static List<Integer> ids(List<Node> nodes) {
        return nodes.stream().map(Node::id).toList();
    }
}
