package lab.week06;

import java.util.Set;

import org.apache.kafka.clients.admin.Admin;

/**
 * What an operator's script can do to a cluster: list its nodes, restart one, and ask it questions.
 * On a real cluster {@link #restart(int)} would be {@code systemctl restart kafka} on one machine, or
 * deleting one pod; here it stops one of the lab's Kafka processes with SIGTERM and starts it again.
 */
public interface ClusterOperations {

    /** The controller nodes' ids. */
    Set<Integer> controllerIds();

    /** The broker nodes' ids. */
    Set<Integer> brokerIds();

    /**
     * Stops the node (SIGTERM, a controlled shutdown) and starts it again. Returns as soon as its process
     * runs: it has not registered with the cluster yet, nor caught up on anything it missed.
     */
    void restart(int nodeId);

    /** An Admin client of the cluster, open for as long as the operations are. */
    Admin admin();
}
