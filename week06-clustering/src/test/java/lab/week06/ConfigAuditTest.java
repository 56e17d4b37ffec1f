package lab.week06;

import java.util.List;
import java.util.Map;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.Lanes;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import static lab.week06.Finding.Rule.MIN_ISR_BELOW_2;
import static lab.week06.Finding.Rule.MIN_ISR_NOT_BELOW_REPLICATION_FACTOR;
import static lab.week06.Finding.Rule.REPLICATION_FACTOR_BELOW_3;
import static lab.week06.Finding.Rule.UNCLEAN_ELECTION_ENABLED;
import static org.assertj.core.api.Assertions.assertThat;

/** Topics made the ways clusters drift, on three brokers; each test audits the whole cluster and looks at its own topics. */
@Execution(ExecutionMode.CONCURRENT) // beside the main lane (see Lanes)
@ResourceLock(Lanes.EMBEDDED)
@WithKafka(brokers = 3)
@Tag("ex6.7")
@DisplayName("6.7 Production configuration, checked")
class ConfigAuditTest {

    @Test
    @DisplayName("a topic with three replicas and min.insync.replicas 2 breaks no rule")
    void wellConfigured(KafkaLab kafka) throws Exception {
        var topic = create(kafka, 3, Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2"));

        assertThat(findingsFor(kafka, topic)).as("findings for %s (RF 3, min ISR 2)", topic).isEmpty();
    }

    @Test
    @DisplayName("a topic with fewer than three replicas")
    void lowReplication(KafkaLab kafka) throws Exception {
        var topic = create(kafka, 2, Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2"));

        assertThat(findingsFor(kafka, topic)).as("findings for %s (RF 2, min ISR 2)", topic).containsExactlyInAnyOrder(
                new Finding(topic, REPLICATION_FACTOR_BELOW_3, "2"),
                new Finding(topic, MIN_ISR_NOT_BELOW_REPLICATION_FACTOR, "2"));
    }

    @Test
    @DisplayName("a topic that counts a write with one copy: min.insync.replicas 1, here the cluster's default")
    void defaultMinIsr(KafkaLab kafka) throws Exception {
        var topic = create(kafka, 3, Map.of());

        assertThat(findingsFor(kafka, topic)).as("findings for %s (RF 3, no min ISR of its own: it runs with the cluster's"
                + " default, 1)", topic).containsExactly(new Finding(topic, MIN_ISR_BELOW_2, "1"));
    }

    @Test
    @DisplayName("a topic whose writes stop when one broker is down: min.insync.replicas equal to its replicas")
    void minIsrEqualsReplicas(KafkaLab kafka) throws Exception {
        var topic = create(kafka, 3, Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "3"));

        assertThat(findingsFor(kafka, topic)).as("findings for %s (RF 3, min ISR 3)", topic)
                .containsExactly(new Finding(topic, MIN_ISR_NOT_BELOW_REPLICATION_FACTOR, "3"));
    }

    @Test
    @DisplayName("a topic with unclean leader election switched on")
    void uncleanElection(KafkaLab kafka) throws Exception {
        var topic = create(kafka, 3, Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2",
                TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG, "true"));

        assertThat(findingsFor(kafka, topic)).as("findings for %s (RF 3, min ISR 2, unclean election on)", topic)
                .containsExactly(new Finding(topic, UNCLEAN_ELECTION_ENABLED, "true"));
    }

    @Test
    @DisplayName("judges the value a topic runs with, also when it comes from the cluster's dynamic default")
    void clusterDefault(KafkaLab kafka) throws Exception {
        var cluster = new ConfigResource(ConfigResource.Type.BROKER, "");
        setClusterDefault(kafka, cluster, "2");
        try {
            var topic = create(kafka, 3, Map.of());

            assertThat(findingsFor(kafka, topic)).as("findings for %s (RF 3, no min ISR of its own, the cluster's default"
                    + " set to 2: is the value read from describeConfigs, not only from the topic's own overrides?)", topic)
                    .isEmpty();
        } finally {
            // Back to Kafka's default. Set, not deleted: with eligible leader replicas (KIP-966, on in 4.x
            // clusters) the broker refuses to remove the cluster-level min.insync.replicas.
            setClusterDefault(kafka, cluster, "1");
        }
    }

    private static void setClusterDefault(KafkaLab kafka, ConfigResource cluster, String minIsr) throws Exception {
        kafka.admin().incrementalAlterConfigs(Map.of(cluster, List.of(new AlterConfigOp(
                new ConfigEntry("min.insync.replicas", minIsr), AlterConfigOp.OpType.SET)))).all().get();
    }

    private static String create(KafkaLab kafka, int replicas, Map<String, String> configs) throws Exception {
        var topic = kafka.uniqueName("orders");
        kafka.admin().createTopics(List.of(new NewTopic(topic, 2, (short) replicas).configs(configs))).all().get();
        kafka.awaitTopicReady(topic); // until then, a broker may not list it yet
        return topic;
    }

    private static List<Finding> findingsFor(KafkaLab kafka, String topic) throws Exception {
        return new ConfigAudit(kafka.admin()).audit().stream().filter(finding -> finding.topic().equals(topic)).toList();
    }
}
