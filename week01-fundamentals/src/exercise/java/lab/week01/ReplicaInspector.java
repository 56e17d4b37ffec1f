package lab.week01;

import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;

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
        // TODO 1.7: describe the topic, take the partition's TopicPartitionInfo, and turn its leader,
        //           replicas and isr (Nodes) into broker ids.
        throw new UnsupportedOperationException("Exercise 1.7 not done yet: see HINTS.md#17");
    }
}
