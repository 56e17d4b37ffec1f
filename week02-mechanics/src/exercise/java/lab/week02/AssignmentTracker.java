package lab.week02;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;

/**
 * Exercise 2.3: watch a consumer group rebalance. The consumer calls a {@link ConsumerRebalanceListener}
 * on its polling thread when partitions are taken away (revoked) and given (assigned). Keep the
 * partitions this member owns now, and the history of what was revoked, to compare the protocols: an
 * eager rebalance revokes everything from everyone; a cooperative one only what moves.
 *
 * <pre>{@code
 * var tracker = new AssignmentTracker();
 * consumer.subscribe(List.of("orders"), tracker);
 * }</pre>
 */
public class AssignmentTracker implements ConsumerRebalanceListener {

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        // TODO 2.3: remember this revocation (as partition numbers) and stop owning those partitions.
        throw new UnsupportedOperationException("Exercise 2.3 not done yet: see HINTS.md#23");
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        // TODO 2.3: own these partitions too.
        throw new UnsupportedOperationException("Exercise 2.3 not done yet: see HINTS.md#23");
    }

    /** The partition numbers this member owns now. */
    public Set<Integer> owned() {
        // TODO 2.3: return the partitions owned now.
        return Set.of();
    }

    /** Each revocation this member saw, oldest first, as partition numbers. */
    public List<Set<Integer>> revocations() {
        // TODO 2.3: return the revocations seen so far.
        return List.of();
    }
}
