package lab.week01;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** On a cluster of three brokers, each replica of a partition on a different broker. */
@WithKafka(brokers = 3)
@Tag("ex1.7")
@DisplayName("1.7 Leaders, followers and in-sync replicas")
class ReplicaInspectorTest {

    @Test
    @DisplayName("a partition of replication factor 3 has a leader among three in-sync replicas")
    void healthyPartition(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 1, 3, Map.of());

        var replicas = new ReplicaInspector(kafka.admin()).describe(topic, 0);

        assertThat(replicas.replicas()).as("replica brokers").hasSize(3).containsExactlyInAnyOrderElementsOf(kafka.brokerIds());
        assertThat(replicas.replicas()).as("the leader is one of the replicas").contains(replicas.leader());
        assertThat(replicas.inSyncReplicas()).as("in-sync replicas on a healthy cluster")
                .containsExactlyInAnyOrderElementsOf(replicas.replicas());
    }

    @Test
    @DisplayName("each partition is described as the cluster has it")
    void eachPartition(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 3, 3, Map.of());
        var inspector = new ReplicaInspector(kafka.admin());
        // What the cluster says, partition by partition: the leaders and the order of the replicas differ.
        var expected = kafka.admin().describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                .map(info -> new PartitionReplicas(info.leader().id(), ids(info.replicas()), ids(info.isr())))
                .toList();

        var described = List.of(inspector.describe(topic, 0), inspector.describe(topic, 1), inspector.describe(topic, 2));

        assertThat(described).as("each partition as the inspector describes it, partitions 0, 1 and 2 in turn: one"
                + " answer for all means the partition argument was not used").containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("when the leader's broker stops, an in-sync follower becomes leader")
    void followerTakesOver(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 1, 3, Map.of());
        var inspector = new ReplicaInspector(kafka.admin());
        var oldLeader = inspector.describe(topic, 0).leader();

        kafka.cluster().stopBroker(oldLeader);

        var now = new AtomicReference<PartitionReplicas>();
        LabAwait.until("a new leader for " + topic + "-0").untilAsserted(() -> {
            now.set(inspector.describe(topic, 0));
            assertThat(now.get().leader()).as("the inspector's leader after broker %d stopped: is the topic described"
                    + " again on every call?", oldLeader).isNotEqualTo(oldLeader);
        });
        assertThat(now.get().inSyncReplicas()).as("ISR after broker %d stopped and a new leader took over", oldLeader)
                .doesNotContain(oldLeader);
        assertThat(now.get().replicas()).as("replicas after broker %d stopped: a stopped broker stays a replica; it"
                + " only leaves the ISR", oldLeader).contains(oldLeader);
    }

    @Test
    @DisplayName("a partition whose only replica is stopped has no leader: -1")
    void noLeader(KafkaLab kafka) throws Exception {
        var broker = kafka.brokerIds().iterator().next();
        var topic = kafka.uniqueName("orders");
        // One replica, on a broker chosen by the test: stopping it leaves the partition without a leader.
        kafka.admin().createTopics(List.of(new NewTopic(topic, Map.of(0, List.of(broker))))).all().get();
        kafka.awaitTopicReady(topic);
        var inspector = new ReplicaInspector(kafka.admin());

        kafka.cluster().stopBroker(broker);

        LabAwait.until(topic + "-0 without a leader").untilAsserted(() ->
                assertThat(inspector.describe(topic, 0).leader())
                        .as("leader of %s-0, whose only replica (broker %d) is stopped", topic, broker).isEqualTo(-1));
    }

    private static List<Integer> ids(List<Node> nodes) {
        return nodes.stream().map(Node::id).toList();
    }
}
