package lab.week01;

import java.util.List;

/**
 * Where one partition lives: the broker that leads it (-1 while it has no leader), every broker holding
 * a replica, and the replicas in sync with the leader (the ISR).
 */
public record PartitionReplicas(int leader, List<Integer> replicas, List<Integer> inSyncReplicas) {
}
