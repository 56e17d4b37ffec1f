package lab.week02;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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

    private final Set<Integer> owned = new TreeSet<>();
    private final List<Set<Integer>> revocations = new ArrayList<>();

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        // Eager protocols call this with everything owned before each rebalance; cooperative ones only
        // with the partitions that move (and not at all when nothing does).
        revocations.add(partitionNumbers(partitions));
        owned.removeAll(partitionNumbers(partitions));
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        // Eager: the whole new assignment. Cooperative: only the partitions added to what is kept.
        owned.addAll(partitionNumbers(partitions));
    }

    /** The partition numbers this member owns now. */
    public Set<Integer> owned() {
        return Set.copyOf(owned);
    }

    /** Each revocation this member saw, oldest first, as partition numbers. */
    public List<Set<Integer>> revocations() {
        return List.copyOf(revocations);
    }

    private static Set<Integer> partitionNumbers(Collection<TopicPartition> partitions) {
        var numbers = new TreeSet<Integer>();
        partitions.forEach(partition -> numbers.add(partition.partition()));
        return numbers;
    }
}
