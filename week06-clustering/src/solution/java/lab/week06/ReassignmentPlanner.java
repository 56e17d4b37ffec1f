package lab.week06;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
        var plan = new TreeMap<TopicPartition, List<Integer>>(
                Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
        current.forEach((partition, replicas) -> plan.put(partition, new ArrayList<>(replicas)));
        // One move at a time, from the fullest broker to the emptiest: each move is needed, so none is wasted.
        while (moveOneReplica(plan, brokers)) {
            // keep going until every broker is within one replica of the others
        }
        // Leaders are balanced by reordering replicas: that moves no data.
        while (moveOneLeader(plan, brokers)) {
            // keep going until every broker leads within one partition of the others
        }
        return plan;
    }

    private static boolean moveOneReplica(Map<TopicPartition, List<Integer>> plan, Set<Integer> brokers) {
        var load = count(plan, brokers, false);
        var fullest = busiest(load);
        var emptiest = idlest(load);
        if (load.get(fullest) - load.get(emptiest) <= 1) {
            return false;
        }
        for (var replicas : plan.values()) {
            if (replicas.contains(fullest) && !replicas.contains(emptiest)) {
                replicas.set(replicas.indexOf(fullest), emptiest);
                return true;
            }
        }
        return false;
    }

    private static boolean moveOneLeader(Map<TopicPartition, List<Integer>> plan, Set<Integer> brokers) {
        var leads = count(plan, brokers, true);
        var most = busiest(leads);
        var least = idlest(leads);
        if (leads.get(most) - leads.get(least) <= 1) {
            return false;
        }
        for (var replicas : plan.values()) {
            if (replicas.get(0).equals(most) && replicas.contains(least)) {
                replicas.remove(Integer.valueOf(least));
                replicas.add(0, least);
                return true;
            }
        }
        return false;
    }

    /** Replicas (or, with {@code leadersOnly}, preferred leaderships) per broker, 0 for a broker with none. */
    private static Map<Integer, Integer> count(Map<TopicPartition, List<Integer>> plan, Set<Integer> brokers, boolean leadersOnly) {
        var counts = new TreeMap<Integer, Integer>();
        brokers.forEach(broker -> counts.put(broker, 0));
        plan.values().forEach(replicas -> (leadersOnly ? replicas.subList(0, 1) : replicas)
                .forEach(broker -> counts.merge(broker, 1, Integer::sum)));
        return counts;
    }

    private static int busiest(Map<Integer, Integer> counts) {
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static int idlest(Map<Integer, Integer> counts) {
        return counts.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
}
