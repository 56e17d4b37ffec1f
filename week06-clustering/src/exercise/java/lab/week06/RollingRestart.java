package lab.week06;

import java.time.Duration;

/**
 * Exercise 6.4: a rolling restart. New settings, a new JVM or a new Kafka version reach a cluster the
 * same way: every node restarted, one at a time, while the shop keeps writing orders. Done carefully, the
 * clients never notice. Done in a hurry, a second node goes down while the first is still catching up,
 * partitions drop below min.insync.replicas, and writes fail.
 *
 * <p>The order matters too: controllers first (a new version's controllers must be running before
 * brokers that may speak it), then the brokers.
 */
public final class RollingRestart {

    /** How long one node may take to be whole again before the restart stops and asks for a human. */
    static final Duration NODE_TIMEOUT = Duration.ofSeconds(60);

    private final ClusterOperations cluster;

    public RollingRestart(ClusterOperations cluster) {
        this.cluster = cluster;
    }

    /** Restarts every node of the cluster, one at a time, without a failed write. */
    public void run() {
        // TODO 6.4: restart every node, controllers before brokers. Before moving on to the next node, wait
        //           (Waits.until, NODE_TIMEOUT) until the cluster is whole again: a restarted controller has
        //           caught up with the quorum's leader; after a broker, no partition is under-replicated.
        throw new UnsupportedOperationException("Exercise 6.4 not done yet: see HINTS.md#64");
    }
}
