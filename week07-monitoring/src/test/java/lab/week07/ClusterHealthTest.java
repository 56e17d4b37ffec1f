package lab.week07;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import javax.management.MBeanServerConnection;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.Lanes;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Three brokers and three controllers, each a process with its own JMX port. The expected values come
 * from the Admin API's view of the same partitions, so the metrics are checked against the cluster's
 * state, not against numbers written into the test.
 */
@Execution(ExecutionMode.CONCURRENT) // beside the main lane (see Lanes)
@ResourceLock(Lanes.QUORUM_CLUSTER)
@WithKafka(brokers = 3, processes = true, controllers = 3)
@Tag("ex7.1")
@DisplayName("7.1 The metrics that tell a cluster's health")
class ClusterHealthTest {

    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final Duration METRIC_GRACE = Duration.ofSeconds(5);

    /** Every test starts from a whole cluster: the kit restarts what a test stopped; the ISRs take a moment to fill. */
    @BeforeEach
    void wholeCluster(KafkaLab kafka) {
        Jmx.processes(kafka);
        LabAwait.until("no under-replicated partition, after restarting the nodes an earlier test stopped").atMost(SETTLE)
                .ignoreExceptions().until(() -> partitions(kafka).stream().noneMatch(p -> p.isr < p.replicas));
    }

    @Test
    @DisplayName("a whole cluster: no partition under-replicated or under min ISR, idle fractions between 0 and 1")
    void healthyBrokers(KafkaLab kafka) throws Exception {
        for (var broker : kafka.brokerIds()) {
            var gauges = ClusterHealth.brokerGauges(Jmx.of(kafka, broker));

            assertThat(gauges.underReplicated()).as("under-replicated partitions on broker %d of a whole cluster", broker).isZero();
            assertThat(gauges.underMinIsr()).as("partitions under min ISR on broker %d of a whole cluster", broker).isZero();
            assertThat(gauges.requestHandlerIdle()).as("broker %d's request handlers' idle fraction: a fraction, 0 to 1 (a"
                    + " meter's Count only adds up idle time; its rate is the fraction)", broker).isBetween(0.0, 1.0);
            assertThat(gauges.networkProcessorIdle()).as("broker %d's network threads' idle fraction", broker).isBetween(0.0, 1.0);
        }
    }

    @Test
    @DisplayName("a broker stopped: each live broker counts the under-replicated partitions it leads")
    void underReplicatedPerLeader(KafkaLab kafka) throws Exception {
        assertThat(underReplicatedPerBroker(kafka, List.of(0, 1, 2)).values()).as("under-replicated partitions per broker,"
                + " before any broker is stopped").allMatch(count -> count == 0);
        var topic = kafka.createTopic("orders", 6, 3, Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2"));

        kafka.cluster().stopBroker(2);

        adminSees(kafka, "every partition of " + topic + " without broker 2 in its ISR",
                partitions -> partitions.stream().filter(p -> p.topic.equals(topic)).allMatch(p -> p.isr == 2));
        var expected = countPerLeader(partitions(kafka), p -> p.isr < p.replicas);
        metricShows("each live broker's UnderReplicatedPartitions", () -> assertThat(underReplicatedPerBroker(kafka, List.of(0, 1)))
                .as("under-replicated partitions per live broker, as the Admin API counts them by leader: %s", expected)
                .isEqualTo(expected));
    }

    @Test
    @DisplayName("two brokers stopped: the partitions below min.insync.replicas, where acks=all writes fail")
    void underMinIsr(KafkaLab kafka) throws Exception {
        assertThat(ClusterHealth.brokerGauges(Jmx.of(kafka, 0)).underMinIsr()).as("partitions under min ISR on broker 0,"
                + " before any broker is stopped").isZero();
        var topic = kafka.createTopic("payments", 3, 3, Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2"));

        kafka.cluster().stopBroker(1);
        kafka.cluster().stopBroker(2);

        adminSees(kafka, "every partition of " + topic + " with broker 0 alone in its ISR",
                partitions -> partitions.stream().filter(p -> p.topic.equals(topic)).allMatch(p -> p.isr == 1));
        var expected = countPerLeader(partitions(kafka), p -> p.isr < p.minIsr).getOrDefault(0, 0);
        metricShows("broker 0's UnderMinIsrPartitionCount", () -> assertThat(ClusterHealth.brokerGauges(Jmx.of(kafka, 0)).underMinIsr())
                .as("partitions under min ISR on broker 0, the only one left (the Admin API counts %d; under-replicated is"
                        + " another metric)", expected).isEqualTo(expected).isPositive());
    }

    @Test
    @DisplayName("active controllers, summed over every controller: 1, also after the active one is killed")
    void oneActiveController(KafkaLab kafka) throws Exception {
        var cluster = Jmx.processes(kafka);
        var active = activeController(kafka);

        assertThat(ClusterHealth.activeControllers(controllersActiveLast(kafka, active)))
                .as("active controllers over the three controller nodes (%d is the active one, listed last)", active).isEqualTo(1);

        cluster.killNode(active);

        LabAwait.until("a new active controller after " + active + " was killed").atMost(SETTLE).ignoreExceptions()
                .until(() -> activeController(kafka) != active);
        var survivors = controllersActiveLast(kafka, activeController(kafka)); // the running ones: the killed node is left out
        assertThat(ClusterHealth.activeControllers(survivors)).as("active controllers over the two survivors").isEqualTo(1);
    }

    @Test
    @DisplayName("offline partitions, as the active controller counts them")
    void offlinePartitions(KafkaLab kafka) throws Exception {
        assertThat(ClusterHealth.offlinePartitions(controllersActiveLast(kafka, activeController(kafka))))
                .as("offline partitions of a whole cluster (the active controller listed last)").isZero();
        var topic = kafka.uniqueName("audit");
        kafka.admin().createTopics(List.of(new NewTopic(topic, Map.of(0, List.of(2))))).all().get();
        kafka.awaitTopicReady(topic);

        kafka.cluster().stopBroker(2);

        adminSees(kafka, topic + "'s only partition without a leader",
                partitions -> partitions.stream().anyMatch(p -> p.topic.equals(topic) && p.leader < 0));
        var expected = partitions(kafka).stream().filter(p -> p.leader < 0).count();
        metricShows("the active controller's OfflinePartitionsCount", () ->
                assertThat(ClusterHealth.offlinePartitions(controllersActiveLast(kafka, activeController(kafka))))
                        .as("offline partitions (the active controller listed last): %s has its only replica on the stopped"
                                + " broker 2; the Admin API sees %d partitions without a leader", topic, expected)
                        .isEqualTo(expected));
    }

    @Test
    @DisplayName("offline partitions cannot be told without the active controller")
    void noActiveController(KafkaLab kafka) throws Exception {
        var followers = controllersActiveLast(kafka, activeController(kafka));
        followers.remove(followers.size() - 1);

        var refused = catchThrowable(() -> ClusterHealth.offlinePartitions(followers));

        assertThat(refused).as("offlinePartitions() of the two controllers that are not active: they keep no count, and 0"
                + " would be a lie").isInstanceOf(IllegalStateException.class);
    }

    /** Waits until the Admin API's view of the partitions shows the damage a test did. */
    private static void adminSees(KafkaLab kafka, String what, Predicate<List<PartitionState>> condition) {
        LabAwait.until("the Admin API to show " + what).atMost(SETTLE).ignoreExceptions().until(() -> condition.test(partitions(kafka)));
    }

    /** A metric follows the cluster's state within moments; 5 s and it shows what it read. */
    private static void metricShows(String what, ThrowingCallable check) {
        LabAwait.until(what).atMost(METRIC_GRACE).untilAsserted(check::call);
    }

    /** One partition, seen through the Admin API: its copies, its in-sync copies, its leader, its topic's min ISR. */
    private record PartitionState(String topic, int leader, int replicas, int isr, int minIsr) {
    }

    private static List<PartitionState> partitions(KafkaLab kafka) throws Exception {
        var admin = kafka.admin();
        var names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
        Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get();
        var resources = names.stream().map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
        var configs = admin.describeConfigs(resources).all().get();
        var states = new ArrayList<PartitionState>();
        topics.forEach((name, description) -> {
            var minIsr = Integer.parseInt(configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name))
                    .get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value());
            description.partitions().forEach(p -> states.add(new PartitionState(name, p.leader() == null ? -1 : p.leader().id(),
                    p.replicas().size(), p.isr().size(), minIsr)));
        });
        return states;
    }

    private static Map<Integer, Integer> countPerLeader(List<PartitionState> partitions, Predicate<PartitionState> which) {
        return partitions.stream().filter(which).filter(p -> p.leader >= 0)
                .collect(Collectors.toMap(PartitionState::leader, p -> 1, Integer::sum, HashMap::new));
    }

    private static Map<Integer, Integer> underReplicatedPerBroker(KafkaLab kafka, List<Integer> brokers) throws Exception {
        var counts = new HashMap<Integer, Integer>();
        for (var broker : brokers) {
            var count = ClusterHealth.brokerGauges(Jmx.of(kafka, broker)).underReplicated();
            if (count > 0) {
                counts.put(broker, count);
            }
        }
        return counts;
    }

    private static int activeController(KafkaLab kafka) throws Exception {
        return kafka.admin().describeMetadataQuorum().quorumInfo().get().leaderId();
    }

    /** The running controllers' JVMs, the active one last: a solution that reads only the first sees a follower. */
    private static List<MBeanServerConnection> controllersActiveLast(KafkaLab kafka, int active) {
        var cluster = Jmx.processes(kafka);
        var connections = new ArrayList<MBeanServerConnection>();
        cluster.controllerIds().stream().filter(id -> id != active && !cluster.stoppedBrokers().contains(id))
                .forEach(id -> connections.add(Jmx.of(kafka, id)));
        connections.add(Jmx.of(kafka, active));
        return connections;
    }
}
