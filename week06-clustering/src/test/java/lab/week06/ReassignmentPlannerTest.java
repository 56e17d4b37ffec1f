package lab.week06;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.Lanes;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cluster of four brokers where broker {@link #NEW} has just joined: the topics were placed on the
 * other three. Scaling out needs no crash, so these brokers may run in the test JVM.
 */
@Execution(ExecutionMode.CONCURRENT) // beside the main lane (see Lanes)
@ResourceLock(Lanes.EMBEDDED)
@WithKafka(brokers = 4)
@Tag("ex6.5")
@DisplayName("6.5 Scaling out: a reassignment plan")
class ReassignmentPlannerTest {

    private static final Set<Integer> OLD = Set.of(0, 1, 2);
    private static final int NEW = 3;
    private static final Set<Integer> ALL = Set.of(0, 1, 2, 3);

    @Test
    @DisplayName("keeps every partition's replication factor, on different brokers")
    void keepsReplicationFactor() {
        var current = placedOn(OLD, 6, 3);

        var plan = ReassignmentPlanner.plan(current, ALL);

        assertThat(plan.keySet()).as("partitions in the plan: the same as now").isEqualTo(current.keySet());
        plan.forEach((partition, replicas) -> assertThat(replicas)
                .as("replicas of %s in the plan %s: 3 of them, on 3 different brokers", partition, plan)
                .hasSize(3).doesNotHaveDuplicates().allMatch(ALL::contains));
    }

    @Test
    @DisplayName("spreads the replicas evenly, the new broker included")
    void spreadsReplicas() {
        var current = placedOn(OLD, 6, 3);

        var plan = ReassignmentPlanner.plan(current, ALL);

        var load = replicasPerBroker(plan);
        assertThat(load.get(NEW)).as("replicas on the new broker %d, in %s", NEW, load).isPositive();
        assertThat(spread(load)).as("replicas per broker %s: each within one of the others", load).isLessThanOrEqualTo(1);
    }

    @Test
    @DisplayName("moves only as many replicas as the new broker must take")
    void movesLittle() {
        var current = shuffled(placedOn(OLD, 6, 3));

        var plan = ReassignmentPlanner.plan(current, ALL);

        // 18 replicas on 4 brokers: 4 or 5 each. The new broker needs 4; moving more copies data for nothing.
        assertThat(moved(current, plan)).as("replicas moved to another broker by the plan %s (reordering a partition's"
                + " replicas moves nothing); 4 are enough", plan).isEqualTo(4);
    }

    @Test
    @DisplayName("spreads the preferred leaders evenly too")
    void spreadsLeaders() {
        var current = placedOn(OLD, 8, 3);

        var plan = ReassignmentPlanner.plan(current, ALL);

        var leaders = new TreeMap<Integer, Integer>();
        ALL.forEach(broker -> leaders.put(broker, 0));
        plan.values().forEach(replicas -> leaders.merge(replicas.get(0), 1, Integer::sum));
        assertThat(spread(leaders)).as("preferred leaders (first replicas) per broker %s: each within one of the others",
                leaders).isLessThanOrEqualTo(1);
    }

    @Test
    @DisplayName("leaves a balanced cluster as it is")
    void balancedStaysPut() {
        var current = relabelled(placedOn(ALL, 8, 3), Map.of(0, 3, 1, 1, 2, 0, 3, 2));

        var plan = ReassignmentPlanner.plan(current, ALL);

        assertThat(plan).as("the plan for partitions already spread over all four brokers").isEqualTo(current);
    }

    @Test
    @DisplayName("carried out on the cluster, with a throttle: the new broker holds and leads partitions, nothing is lost")
    void carriedOut(KafkaLab kafka) throws Exception {
        var topic = kafka.uniqueName("orders");
        var placement = new HashMap<Integer, List<Integer>>();
        placedOn(OLD, 6, 3).forEach((partition, replicas) -> placement.put(partition.partition(), replicas));
        kafka.admin().createTopics(List.of(new NewTopic(topic, placement))).all().get();
        kafka.awaitTopicReady(topic);
        kafka.produce(IntStream.range(0, 600).mapToObj(i -> new ProducerRecord<>(topic, "o-" + i, "order.created")).toList());
        var current = new HashMap<TopicPartition, List<Integer>>();
        placement.forEach((partition, replicas) -> current.put(new TopicPartition(topic, partition), replicas));

        var plan = ReassignmentPlanner.plan(current, ALL);
        Reassignments.execute(kafka.admin(), plan, 10_000_000);

        var described = settled(kafka, topic, plan);
        var now = new HashMap<TopicPartition, List<Integer>>();
        described.forEach(info -> now.put(new TopicPartition(topic, info.partition()), ids(info.replicas())));
        assertThat(now).as("the replicas of %s after the reassignment: the plan's", topic).isEqualTo(plan);
        assertThat(described).as("partitions led by the new broker %d after the preferred leaders were elected", NEW)
                .anyMatch(info -> info.leader() != null && info.leader().id() == NEW);
        assertThat(kafka.readAll(topic, 600)).as("orders readable after the move").hasSize(600);
    }

    /**
     * The topic's partitions once the brokers' metadata shows the plan's replicas and a leader on the new
     * broker, or as they are after 15 s: each broker learns of a finished move a moment after the controller.
     */
    private static List<TopicPartitionInfo> settled(KafkaLab kafka, String topic, Map<TopicPartition, List<Integer>> plan)
            throws Exception {
        var deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            var described = kafka.admin().describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
            var replicas = new HashMap<TopicPartition, List<Integer>>();
            described.forEach(info -> replicas.put(new TopicPartition(topic, info.partition()), ids(info.replicas())));
            var newLeads = described.stream().anyMatch(info -> info.leader() != null && info.leader().id() == NEW);
            if ((replicas.equals(plan) && newLeads) || System.nanoTime() > deadline) {
                return described;
            }
            Thread.sleep(100);
        }
    }

    /** {@code partitions} partitions of RF {@code rf} on {@code brokers}, placed round-robin as Kafka does. */
    private static Map<TopicPartition, List<Integer>> placedOn(Set<Integer> brokers, int partitions, int rf) {
        var ids = new ArrayList<>(new java.util.TreeSet<>(brokers));
        var placement = new HashMap<TopicPartition, List<Integer>>();
        for (int p = 0; p < partitions; p++) {
            var replicas = new ArrayList<Integer>();
            for (int r = 0; r < rf; r++) {
                replicas.add(ids.get((p + r) % ids.size()));
            }
            placement.put(new TopicPartition("orders", p), replicas);
        }
        return placement;
    }

    /** The same replicas in another order per partition (a fixed seed): a cluster's history shows in its layout. */
    private static Map<TopicPartition, List<Integer>> shuffled(Map<TopicPartition, List<Integer>> placement) {
        var random = new java.util.Random(6);
        var result = new HashMap<TopicPartition, List<Integer>>();
        new TreeMap<>(placement.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                entry -> entry.getKey().partition(), Map.Entry::getValue))).forEach((partition, replicas) -> {
                    var copy = new ArrayList<>(replicas);
                    java.util.Collections.shuffle(copy, random);
                    result.put(new TopicPartition("orders", partition), copy);
                });
        return result;
    }

    /** The same layout with the brokers renamed: still balanced, but not the one a round-robin would make. */
    private static Map<TopicPartition, List<Integer>> relabelled(Map<TopicPartition, List<Integer>> placement,
                                                                Map<Integer, Integer> names) {
        var result = new HashMap<TopicPartition, List<Integer>>();
        placement.forEach((partition, replicas) -> result.put(partition, replicas.stream().map(names::get).toList()));
        return result;
    }

    private static Map<Integer, Integer> replicasPerBroker(Map<TopicPartition, List<Integer>> plan) {
        var load = new TreeMap<Integer, Integer>();
        ALL.forEach(broker -> load.put(broker, 0));
        plan.values().forEach(replicas -> replicas.forEach(broker -> load.merge(broker, 1, Integer::sum)));
        return load;
    }

    private static int spread(Map<Integer, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).max().orElse(0)
                - counts.values().stream().mapToInt(Integer::intValue).min().orElse(0);
    }

    private static long moved(Map<TopicPartition, List<Integer>> before, Map<TopicPartition, List<Integer>> after) {
        return before.entrySet().stream().mapToLong(entry -> {
            var added = new HashSet<>(after.get(entry.getKey()));
            added.removeAll(entry.getValue());
            return added.size();
        }).sum();
    }

    private static List<Integer> ids(List<Node> nodes) {
        return nodes.stream().map(Node::id).toList();
    }
}
