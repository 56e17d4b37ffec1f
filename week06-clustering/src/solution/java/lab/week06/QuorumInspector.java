package lab.week06;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.QuorumInfo;

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
        // Asked on every call: the leader changes when a controller dies. (Admin#describeCluster's
        // controller() is no help in KRaft: it names a broker, not the active controller.)
        var quorum = admin.describeMetadataQuorum().quorumInfo().get();
        var leaderEnd = quorum.voters().stream().filter(voter -> voter.replicaId() == quorum.leaderId())
                .mapToLong(QuorumInfo.ReplicaState::logEndOffset).findFirst().orElse(0L);
        // Lag is a difference: the leader's log end offset minus the voter's.
        Map<Integer, Long> lag = quorum.voters().stream().collect(Collectors.toMap(
                QuorumInfo.ReplicaState::replicaId, voter -> Math.max(0, leaderEnd - voter.logEndOffset())));
        return new QuorumStatus(quorum.leaderId(), quorum.leaderEpoch(), ids(quorum.voters()),
                ids(quorum.observers()), lag);
    }

    private static Set<Integer> ids(List<QuorumInfo.ReplicaState> replicas) {
        return replicas.stream().map(QuorumInfo.ReplicaState::replicaId).collect(Collectors.toSet());
    }
}
