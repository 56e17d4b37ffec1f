package lab.week06;

import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;

/**
 * Exercise 6.1: look inside the KRaft quorum. Since Kafka 4.0 there is no ZooKeeper: a few controller
 * nodes keep the cluster's metadata in a replicated log of their own (Raft), and one of them, the leader
 * of that quorum, is the active controller. Operators check the quorum first when a cluster misbehaves:
 * is there a leader, are all voters caught up?
 */
public final class QuorumInspector {

    private final Admin admin;

    public QuorumInspector(Admin admin) {
        this.admin = admin;
    }

    /** The quorum as it is now: the leader, its epoch, voters, observers and each voter's lag. */
    public QuorumStatus status() throws ExecutionException, InterruptedException {
        // TODO 6.1: ask the cluster for its metadata quorum, as it is at this call, and turn the answer into
        //           a QuorumStatus. A voter's lag is how many records of the metadata log it lacks compared
        //           with the leader; the leader's own lag is 0.
        throw new UnsupportedOperationException("Exercise 6.1 not done yet: see HINTS.md#61");
    }
}
