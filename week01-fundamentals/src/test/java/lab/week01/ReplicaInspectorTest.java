package lab.week01;

import java.util.Map;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.WithKafka;
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
    @DisplayName("when the leader's broker stops, an in-sync follower becomes leader")
    void followerTakesOver(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 1, 3, Map.of());
        var inspector = new ReplicaInspector(kafka.admin());
        var oldLeader = inspector.describe(topic, 0).leader();

        kafka.cluster().stopBroker(oldLeader);

        LabAwait.until("a new leader for " + topic + "-0").untilAsserted(() -> {
            var now = inspector.describe(topic, 0);
            assertThat(now.leader()).as("leader after broker %d stopped", oldLeader).isNotEqualTo(oldLeader);
            assertThat(now.inSyncReplicas()).as("ISR after broker %d stopped", oldLeader).doesNotContain(oldLeader);
        });
    }
}
