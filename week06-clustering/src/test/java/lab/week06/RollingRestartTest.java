package lab.week06;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import lab.kit.broker.ProcessCluster;
import lab.kit.junit.KafkaLab;
import lab.kit.junit.Lanes;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One rolling restart of three controllers and three brokers (each its own process) while orders are
 * written at a steady pace, run once and checked by each test. The operations record every restart and
 * what the cluster looked like at that moment. The second broker is slow to come back (its process starts
 * 4 s late, as after a long log recovery): a procedure that waits a fixed time instead of checking fails.
 * While the first or second broker is down, 6 MB arrive for it (2 MB a partition, in a topic beside the
 * orders, so that reading the orders back stays quick), and catching up is throttled to 1 MB/s
 * (as operators do so that a returning broker does not flood the network): a broker that is registered
 * again is not yet in sync for a few seconds. The throttle holds only from the second fetch on, and one
 * fetch brings up to 1 MB a partition (replica.fetch.max.bytes); and a returning broker fetches already
 * while it is fenced, before it counts as registered. With 1 MB a partition a CI run saw a returning broker
 * in sync at once; with 2 MB a partition at 2 MB/s, one CI run in three.
 */
@Execution(ExecutionMode.CONCURRENT) // beside the main lane (see Lanes)
@ResourceLock(Lanes.QUORUM_CLUSTER)
@WithKafka(brokers = 3, processes = true, controllers = 3)
@Tag("ex6.4")
@DisplayName("6.4 A rolling restart")
class RollingRestartTest {

    private static Scenario scenario;

    @Test
    @DisplayName("restarts every node once, the controllers before the brokers")
    void everyNodeOnceControllersFirst(KafkaLab kafka) {
        var run = scenario(kafka);

        assertThat(run.order).as("nodes in the order they were restarted").hasSize(6)
                .containsExactlyInAnyOrderElementsOf(run.everyNode());
        assertThat(run.order.subList(0, 3)).as("the first three restarted, in %s: the controllers %s come first",
                run.order, run.controllers).containsExactlyInAnyOrderElementsOf(run.controllers);
    }

    @Test
    @DisplayName("waits until the cluster is whole before restarting the next node")
    void waitsBetweenNodes(KafkaLab kafka) {
        var run = scenario(kafka);

        assertThat(run.violations).as("restarts begun while the cluster was not whole again (a controller not caught up,"
                + " a partition under-replicated): wait for that, not for a fixed time").isEmpty();
    }

    @Test
    @DisplayName("orders written during the restart: none fails, every acknowledged one is read back")
    void noWriteFails(KafkaLab kafka) {
        var run = scenario(kafka);

        assertThat(run.failedSends).as("sends that failed during the rolling restart").isEmpty();
        assertThat(run.readBack).as("orders read back, of the %d acknowledged", run.acknowledged)
                .hasSize(run.acknowledged).doesNotHaveDuplicates();
    }

    /** Runs the learner's restart once per JVM; a failure is kept and thrown to every test. */
    private static synchronized Scenario scenario(KafkaLab kafka) {
        if (scenario == null) {
            scenario = new Scenario(kafka);
            scenario.run();
        }
        if (scenario.failure != null) {
            throw scenario.failure;
        }
        return scenario;
    }

    private static final class Scenario {
        private final KafkaLab kafka;
        private final ProcessCluster cluster;
        private final Set<Integer> controllers;
        private final List<Integer> order = new CopyOnWriteArrayList<>();
        private final List<String> violations = new CopyOnWriteArrayList<>();
        private final List<String> failedSends = new CopyOnWriteArrayList<>();
        private final List<String> readBack = new ArrayList<>();
        private final Map<Integer, Long> launchedAt = new java.util.concurrent.ConcurrentHashMap<>();
        private int acknowledged;
        private final List<String> acknowledgedKeys = new CopyOnWriteArrayList<>();
        private RuntimeException failure;

        Scenario(KafkaLab kafka) {
            this.kafka = kafka;
            this.cluster = (ProcessCluster) kafka.cluster();
            this.controllers = cluster.controllerIds();
        }

        List<Integer> everyNode() {
            var all = new ArrayList<>(controllers);
            all.addAll(cluster.brokerIds());
            return all;
        }

        void run() {
            var topic = kafka.uniqueName("orders");
            var backlogTopic = kafka.uniqueName("catch-up");
            var writing = new AtomicBoolean(true);
            CompletableFuture<Integer> writer = null;
            try {
                for (var name : List.of(topic, backlogTopic)) {
                    kafka.admin().createTopics(List.of(new NewTopic(name, 3, (short) 3)
                            .configs(Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2")))).all().get();
                    kafka.awaitTopicReady(name);
                }
                throttleCatchingUp(List.of(topic, backlogTopic), List.of(
                        new AlterConfigOp(new ConfigEntry("follower.replication.throttled.rate", "1048576"), AlterConfigOp.OpType.SET)),
                        List.of(new AlterConfigOp(new ConfigEntry("follower.replication.throttled.replicas", "*"), AlterConfigOp.OpType.SET)));
                writer = CompletableFuture.supplyAsync(() -> writeSteadily(topic, writing));
                new RollingRestart(new RecordingOperations(backlogTopic)).run();
            } catch (RuntimeException e) {
                failure = e;
            } catch (Exception e) {
                failure = new IllegalStateException(e);
            } finally {
                writing.set(false);
                if (writer != null) {
                    try {
                        acknowledged = writer.join();
                    } catch (RuntimeException e) {
                        failure = failure == null ? e : failure;
                    }
                }
                cluster.awaitWhole(); // the next test finds every node back, whatever happened here
                throttleCatchingUp(List.of(topic, backlogTopic), List.of(
                        new AlterConfigOp(new ConfigEntry("follower.replication.throttled.rate", ""), AlterConfigOp.OpType.DELETE)),
                        List.of(new AlterConfigOp(new ConfigEntry("follower.replication.throttled.replicas", ""), AlterConfigOp.OpType.DELETE)));
            }
            if (failure == null) {
                readBack.addAll(kafka.readAll(topic, acknowledged).stream().map(ConsumerRecord::key).toList());
                Counts.print("rolling restart", acknowledgedKeys, readBack, failedSends.size());
            }
        }

        /** A replication throttle on every broker (the cluster-wide default) and on the topics' replicas. */
        private void throttleCatchingUp(List<String> topics, List<AlterConfigOp> brokers, List<AlterConfigOp> topicReplicas) {
            var changes = new java.util.HashMap<ConfigResource, java.util.Collection<AlterConfigOp>>();
            changes.put(new ConfigResource(ConfigResource.Type.BROKER, ""), brokers);
            topics.forEach(topic -> changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), topicReplicas));
            try {
                kafka.admin().incrementalAlterConfigs(changes).all().get();
            } catch (Exception e) {
                throw new IllegalStateException("Could not set the replication throttle: " + e.getMessage(), e);
            }
        }

        /** 6 MB for a broker that is down to catch up on when it returns: more than one fetch brings. */
        private void writeBacklog(String topic) {
            try (var producer = kafka.newProducer(Map.of(ProducerConfig.ACKS_CONFIG, "all"))) {
                var filler = "x".repeat(1024);
                for (int i = 0; i < 6 * 1024; i++) {
                    producer.send(new ProducerRecord<>(topic, "backlog-" + i, filler));
                }
                producer.flush();
            }
        }

        /** About 50 orders a second until told to stop; returns how many were acknowledged. */
        private int writeSteadily(String topic, AtomicBoolean writing) {
            var sends = new ArrayList<CompletableFuture<Void>>();
            try (var producer = kafka.newProducer(Map.of(ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000))) {
                for (int i = 0; writing.get(); i++) {
                    var key = "o-" + i;
                    var sent = new CompletableFuture<Void>();
                    producer.send(new ProducerRecord<>(topic, key, "order.created"), (metadata, error) -> {
                        if (error != null) {
                            failedSends.add(key + ": " + error);
                        } else {
                            acknowledgedKeys.add(key);
                        }
                        sent.complete(null);
                    });
                    sends.add(sent);
                    TimeUnit.MILLISECONDS.sleep(20); // a steady pace, as a shop's traffic: not a wait for a result
                }
                producer.flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
            return sends.size() - failedSends.size();
        }

        /** The operator's handle on the cluster, checking each restart against the cluster's state. */
        private final class RecordingOperations implements ClusterOperations {
            private final String backlogTopic;

            RecordingOperations(String backlogTopic) {
                this.backlogTopic = backlogTopic;
            }

            @Override
            public Set<Integer> controllerIds() {
                return controllers;
            }

            @Override
            public Set<Integer> brokerIds() {
                return cluster.brokerIds();
            }

            @Override
            public Admin admin() {
                return kafka.admin();
            }

            @Override
            public void restart(int nodeId) {
                notWholeYet().forEach(why -> violations.add("node " + nodeId + " restarted while " + why));
                order.add(nodeId);
                cluster.stopNode(nodeId);
                // No restart follows the last node's, so nothing checks that it caught up: it gets no backlog.
                var last = order.size() == controllers.size() + cluster.brokerIds().size();
                if (cluster.brokerIds().contains(nodeId) && !last) {
                    writeBacklog(backlogTopic);
                }
                // From here on, only the new process can be seen catching up: the old one fetched until it stopped.
                launchedAt.put(nodeId, System.currentTimeMillis());
                var slow = order.size() == controllers.size() + 2; // the second broker: a long log recovery
                if (slow) {
                    CompletableFuture.runAsync(() -> cluster.launchNode(nodeId),
                            CompletableFuture.delayedExecutor(4, TimeUnit.SECONDS));
                } else {
                    cluster.launchNode(nodeId);
                }
            }

            private List<String> notWholeYet() {
                var problems = new ArrayList<String>();
                try {
                    var quorum = kafka.admin().describeMetadataQuorum().quorumInfo().get();
                    for (var voter : quorum.voters()) {
                        var since = launchedAt.get(voter.replicaId());
                        // The leader has every committed record by definition; a follower must have caught up.
                        var caughtUp = since == null || voter.replicaId() == quorum.leaderId()
                                || voter.lastCaughtUpTimestamp().orElse(0) >= since;
                        if (!caughtUp) {
                            problems.add("controller " + voter.replicaId() + " had not caught up since its restart");
                        }
                    }
                    var topics = kafka.admin().describeTopics(kafka.admin().listTopics().names().get()).allTopicNames().get();
                    topics.values().forEach(description -> description.partitions().stream()
                            .filter(partition -> partition.isr().size() < partition.replicas().size())
                            .forEach(partition -> problems.add(description.name() + "-" + partition.partition()
                                    + " was under-replicated (in sync: " + ids(partition.isr()) + " of "
                                    + ids(partition.replicas()) + ")")));
                } catch (Exception e) {
                    problems.add("the cluster did not answer (" + e.getMessage() + ")");
                }
                return problems;
            }

            private List<Integer> ids(List<org.apache.kafka.common.Node> nodes) {
                return nodes.stream().map(org.apache.kafka.common.Node::id).toList();
            }
        }
    }
}
