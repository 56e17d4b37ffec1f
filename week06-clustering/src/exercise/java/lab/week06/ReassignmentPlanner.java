package lab.week06;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;

/**
 * Exercise 6.5: scaling out. A broker added to a cluster gets no partitions by itself: new topics may
 * land on it, but every existing replica stays where it is until someone moves it. Moving a replica
 * copies the whole partition over the network, so a good plan spreads the load evenly and moves as
 * little as it can. Kafka's own {@code kafka-reassign-partitions --generate} ignores the current
 * placement and often moves far more than needed.
 */
public final class ReassignmentPlanner {

    private ReassignmentPlanner() {
    }

    /**
     * A new assignment of the same partitions (each partition's replicas, the first one its preferred
     * leader) over {@code brokers}: every broker holds as many replicas as the others, give or take one,
     * and leads as many partitions as the others, give or take one.
     */
    public static Map<TopicPartition, List<Integer>> plan(Map<TopicPartition, List<Integer>> current, Set<Integer> brokers) {
        // TODO 6.5: spread the replicas and the preferred leaders evenly over the brokers, keeping each
        //           partition's replication factor, and moving as few replicas to another broker as possible
        //           (reordering a partition's replicas moves no data).
        throw new UnsupportedOperationException("Exercise 6.5 not done yet: see HINTS.md#65");
    }
}
