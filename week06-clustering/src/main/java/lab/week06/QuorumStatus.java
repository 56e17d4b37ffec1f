package lab.week06;

import java.util.Map;
import java.util.Set;

/**
 * The KRaft controller quorum as one moment's picture: who leads it (the active controller), in which
 * election epoch, who votes, who only follows (the brokers observe the metadata log), and how far each
 * voter's copy of the metadata log is behind the leader's, in records.
 */
public record QuorumStatus(int leaderId, long leaderEpoch, Set<Integer> voters, Set<Integer> observers,
                           Map<Integer, Long> lagByVoter) {
}
