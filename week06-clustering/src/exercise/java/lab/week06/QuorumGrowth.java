package lab.week06;

import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RaftVoterEndpoint;

/**
 * Exercise 6.11: growing the controller quorum while it runs (KIP-853, Kafka 3.9 and later). A cluster
 * started with one controller, or one that lost a controller's disk, needs voters added or replaced
 * without stopping. A new controller first runs as an observer: it copies the metadata log without a
 * vote. An operator then makes it a voter. The quorum knows a voter by its node id and by the id of its
 * metadata directory, so a node whose disk was replaced is a new voter, not the old one come back.
 */
public final class QuorumGrowth {

    private final Admin admin;

    public QuorumGrowth(Admin admin) {
        this.admin = admin;
    }

    /**
     * Makes {@code controllerId}, a running controller that follows the metadata log as an observer, a
     * voter. {@code endpoint} is its controller listener, as its own configuration names it: the quorum
     * has not heard it yet. Returns once the quorum has the new voter; a controller that is not an observer
     * is refused with an {@link IllegalStateException} naming it.
     */
    public void addVoter(int controllerId, RaftVoterEndpoint endpoint) throws ExecutionException, InterruptedException {
        // TODO 6.11: the quorum knows a voter by two ids; the second one only the quorum can tell you.
        throw new UnsupportedOperationException("Exercise 6.11 not done yet: see HINTS.md#611");
    }

    /** Takes {@code controllerId} out of the voters; the node goes on as an observer until it is shut down. */
    public void removeVoter(int controllerId) throws ExecutionException, InterruptedException {
        // TODO 6.11: the same two ids, of a voter this time.
        throw new UnsupportedOperationException("Exercise 6.11 not done yet: see HINTS.md#611");
    }
}
