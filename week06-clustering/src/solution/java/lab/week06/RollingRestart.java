package lab.week06;

import java.time.Duration;
import java.util.concurrent.ExecutionException;

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
        for (var controller : cluster.controllerIds()) {
            cluster.restart(controller);
            // Taken after the restart: the old process fetched until it stopped, and that does not count.
            var restartedAt = System.currentTimeMillis();
            // Two voters of three down and the quorum has no majority: wait until this one is back.
            Waits.until("controller " + controller + " to catch up with the quorum", NODE_TIMEOUT,
                    () -> caughtUpSince(controller, restartedAt));
        }
        for (var broker : cluster.brokerIds()) {
            cluster.restart(broker);
            // A broker that is up is not yet in sync: restarting the next one now would leave its
            // partitions with one in-sync replica, below min.insync.replicas.
            Waits.until("no under-replicated partitions after broker " + broker, NODE_TIMEOUT, this::noneUnderReplicated);
        }
    }

    /** The quorum's leader has seen it caught up since it was restarted (or it has become the leader). */
    private boolean caughtUpSince(int controller, long since) throws ExecutionException, InterruptedException {
        var quorum = cluster.admin().describeMetadataQuorum().quorumInfo().get();
        return quorum.leaderId() == controller || quorum.voters().stream()
                .anyMatch(voter -> voter.replicaId() == controller && voter.lastCaughtUpTimestamp().orElse(0) >= since);
    }

    private boolean noneUnderReplicated() throws ExecutionException, InterruptedException {
        var admin = cluster.admin();
        var topics = admin.listTopics().names().get();
        return admin.describeTopics(topics).allTopicNames().get().values().stream()
                .flatMap(topic -> topic.partitions().stream())
                .allMatch(partition -> partition.isr().size() == partition.replicas().size());
    }
}
