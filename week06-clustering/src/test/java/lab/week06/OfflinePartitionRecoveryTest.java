package lab.week06;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.Lanes;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partition with two replicas on broker processes: 10 orders reach both; the follower stops; 20 more
 * orders are acknowledged by the leader alone (min.insync.replicas 1); then the leader is killed and the
 * stale follower starts again. The partition has no leader: its only live replica misses 20 orders.
 */
@Execution(ExecutionMode.CONCURRENT) // beside the main lane (see Lanes)
@ResourceLock(Lanes.QUORUM_CLUSTER)
@WithKafka(brokers = 3, processes = true, controllers = 3)
@Tag("ex6.8")
@DisplayName("6.8 A partition with no leader: wait, or elect uncleanly")
class OfflinePartitionRecoveryTest {

    private static final int BOTH = 10;
    private static final int LEADER_ONLY = 20;

    @Test
    @DisplayName("finds the partition that has no leader")
    void findsOfflinePartition(KafkaLab kafka) throws Exception {
        var offline = new Scenario(kafka).leaderKilledFollowerStale();

        var found = new OfflinePartitionRecovery(kafka.admin()).offlinePartitions(offline.topic());

        assertThat(found).as("partitions of %s without a leader", offline.topic()).containsExactly(offline.partition());
    }

    @Test
    @DisplayName("waiting for the in-sync replica loses no acknowledged order")
    void waitingLosesNothing(KafkaLab kafka) throws Exception {
        var offline = new Scenario(kafka).leaderKilledFollowerStale();
        var recovery = new OfflinePartitionRecovery(kafka.admin());
        var leaderBack = CompletableFuture.runAsync(() -> kafka.cluster().startBroker(offline.oldLeader),
                CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS));

        recovery.awaitLeader(offline.partition(), Duration.ofSeconds(60));

        leaderBack.join();
        assertThat(offline.info().leader()).as("the leader after waiting: the in-sync replica, back").isNotNull()
                .extracting(Node::id).isEqualTo(offline.oldLeader);
        assertThat(offline.keys(BOTH + LEADER_ONLY)).as("orders readable after waiting").hasSize(BOTH + LEADER_ONLY);
    }

    @Test
    @DisplayName("an unclean election serves again at once and loses what the stale replica never copied")
    void uncleanElectionLoses(KafkaLab kafka) throws Exception {
        var offline = new Scenario(kafka).leaderKilledFollowerStale();

        new OfflinePartitionRecovery(kafka.admin()).electUncleanly(offline.partition());

        LabAwait.until("the stale replica " + offline.staleFollower + " to lead " + offline.partition())
                .untilAsserted(() -> assertThat(offline.info().leader()).as("leader").isNotNull()
                        .extracting(Node::id).isEqualTo(offline.staleFollower));
        assertThat(kafka.recordCount(offline.topic())).as("orders in %s after the unclean election: the %d both replicas"
                + " had; the %d acknowledged by the old leader alone are lost", offline.partition(), BOTH, LEADER_ONLY)
                .isEqualTo(BOTH);
        assertThat(offline.keys(BOTH)).as("the orders left").containsExactlyElementsOf(
                IntStream.range(0, BOTH).mapToObj(i -> "o-" + i).toList());
    }

    private static final class Scenario {
        private final KafkaLab kafka;
        private final String topic;
        private final int oldLeader;
        private final int staleFollower;

        Scenario(KafkaLab kafka) {
            this.kafka = kafka;
            this.topic = kafka.uniqueName("orders");
            var brokers = List.copyOf(kafka.brokerIds());
            this.oldLeader = brokers.get(0);
            this.staleFollower = brokers.get(1);
        }

        Scenario leaderKilledFollowerStale() throws Exception {
            kafka.admin().createTopics(List.of(new NewTopic(topic, Map.of(0, List.of(oldLeader, staleFollower)))
                    .configs(Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1")))).all().get();
            kafka.awaitTopicReady(topic);
            // Before any broker goes down (and before the slow part of the scenario): a healthy partition
            // is not offline.
            assertThat(new OfflinePartitionRecovery(kafka.admin()).offlinePartitions(topic))
                    .as("partitions of %s without a leader while both replicas run", topic).isEmpty();
            kafka.produce(orders(0, BOTH));
            kafka.cluster().stopBroker(staleFollower);
            LabAwait.until(staleFollower + " out of the ISR of " + partition())
                    .until(() -> info().isr().stream().noneMatch(node -> node.id() == staleFollower));
            kafka.produce(orders(BOTH, BOTH + LEADER_ONLY));
            kafka.cluster().killBroker(oldLeader);
            kafka.cluster().startBroker(staleFollower);
            LabAwait.until(partition() + " without a leader").until(() -> info().leader() == null);
            return this;
        }

        String topic() {
            return topic;
        }

        TopicPartition partition() {
            return new TopicPartition(topic, 0);
        }

        TopicPartitionInfo info() throws Exception {
            return kafka.admin().describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().get(0);
        }

        List<String> keys(int count) {
            return kafka.readAll(topic, count).stream().map(ConsumerRecord::key).toList();
        }

        private List<ProducerRecord<String, String>> orders(int from, int to) {
            return IntStream.range(from, to).mapToObj(i -> new ProducerRecord<>(topic, 0, "o-" + i, "order.created")).toList();
        }
    }
}
