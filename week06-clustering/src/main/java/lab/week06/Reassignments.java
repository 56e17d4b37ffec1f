package lab.week06;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitionReassignment;
import org.apache.kafka.common.ElectionType;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Carries out a reassignment plan the way {@code kafka-reassign-partitions --execute --throttle} does:
 * a replication throttle first (moving replicas copies whole partitions, and must not starve the
 * clients' traffic), then the reassignment, a wait until every move finished, the throttle removed, and
 * the preferred leaders (each partition's first replica) elected.
 */
public final class Reassignments {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> BROKER_THROTTLES = List.of("leader.replication.throttled.rate",
            "follower.replication.throttled.rate");
    private static final List<String> TOPIC_THROTTLES = List.of("leader.replication.throttled.replicas",
            "follower.replication.throttled.replicas");

    private Reassignments() {
    }

    /** Moves the partitions to the plan's replicas, copying at most {@code bytesPerSecond} per broker. */
    public static void execute(Admin admin, Map<TopicPartition, List<Integer>> plan, long bytesPerSecond)
            throws ExecutionException, InterruptedException {
        var topics = plan.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet());
        throttle(admin, topics, AlterConfigOp.OpType.SET, String.valueOf(bytesPerSecond));
        try {
            var moves = new HashMap<TopicPartition, Optional<NewPartitionReassignment>>();
            plan.forEach((partition, replicas) -> moves.put(partition, Optional.of(new NewPartitionReassignment(replicas))));
            admin.alterPartitionReassignments(moves).all().get();
            Waits.until("the reassignment of " + plan.size() + " partitions to finish", TIMEOUT,
                    () -> admin.listPartitionReassignments(plan.keySet()).reassignments().get().isEmpty());
            // The controller finishes first; the brokers learn of it from the metadata log a moment later.
            Waits.until("the brokers' metadata to show the plan's replicas", TIMEOUT,
                    () -> replicasOf(admin, topics).entrySet().containsAll(plan.entrySet()));
        } finally {
            throttle(admin, topics, AlterConfigOp.OpType.DELETE, "");
        }
        admin.electLeaders(ElectionType.PREFERRED, plan.keySet()).partitions().get();
    }

    /** Every partition's replicas of {@code topics}, as the broker the admin asks knows them. */
    static Map<TopicPartition, List<Integer>> replicasOf(Admin admin, Set<String> topics)
            throws ExecutionException, InterruptedException {
        var replicas = new HashMap<TopicPartition, List<Integer>>();
        admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) ->
                description.partitions().forEach(info -> replicas.put(new TopicPartition(topic, info.partition()),
                        info.replicas().stream().map(node -> node.id()).toList())));
        return replicas;
    }

    private static void throttle(Admin admin, Set<String> topics, AlterConfigOp.OpType op, String rate)
            throws ExecutionException, InterruptedException {
        var changes = new HashMap<ConfigResource, java.util.Collection<AlterConfigOp>>();
        changes.put(new ConfigResource(ConfigResource.Type.BROKER, ""), BROKER_THROTTLES.stream()
                .map(name -> new AlterConfigOp(new ConfigEntry(name, rate), op)).toList());
        for (var topic : topics) {
            changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), TOPIC_THROTTLES.stream()
                    .map(name -> new AlterConfigOp(new ConfigEntry(name, "*"), op)).toList());
        }
        admin.incrementalAlterConfigs(changes).all().get();
    }
}
