package lab.kit.broker;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import javax.management.ObjectName;
import javax.management.remote.JMXConnectorFactory;

import lab.kit.junit.LabAwait;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("A cluster of broker and controller processes")
class ProcessClusterTest {

    private static ProcessCluster cluster;

    @BeforeAll
    static void start() {
        cluster = ProcessCluster.builder().brokers(3).controllers(1).start();

    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    @DisplayName("loses nothing acked when the partition leader is killed with SIGKILL mid-stream")
    void survivesKillOfLeader() throws Exception {
        var topic = "killed-" + System.nanoTime();
        try (var admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 3)
                    .configs(Map.of("min.insync.replicas", "2")))).all().get();
        }
        var leader = leaderOf(topic);
        var acks = new ArrayList<Future<RecordMetadata>>();

        try (var producer = producer()) {
            for (int i = 0; i < 1000; i++) {
                if (i == 500) {
                    cluster.killBroker(leader);
                }
                acks.add(producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)));
            }
            for (var ack : acks) {
                ack.get();
            }
        }

        assertThat(count(topic)).as("every acked record readable after the kill").isEqualTo(1000);
        assertThat(leaderOf(topic)).as("a new leader").isNotEqualTo(leader);
        cluster.startBroker(leader);
        assertThat(cluster.stoppedBrokers()).isEmpty();
    }

    @Test
    @DisplayName("starts a killed broker again with its data kept")
    void restartKeepsData() throws Exception {
        var topic = "kept-" + System.nanoTime();
        try (var admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, Map.of(0, List.of(1))))).all().get();
        }
        try (var producer = producer()) {
            producer.send(new ProducerRecord<>(topic, "k", "v")).get();
        }
        var pidBefore = cluster.pid(1);

        cluster.killBroker(1);
        cluster.startBroker(1);

        assertThat(cluster.pid(1)).as("a new process").isNotEqualTo(pidBefore);
        assertThat(count(topic)).as("the record on the only replica, read after the restart").isEqualTo(1);
    }

    @Test
    @DisplayName("serves each node's JVM over JMX, at the same address after a restart")
    void servesJmx() throws Exception {
        cluster.killBroker(2);
        cluster.startBroker(2);

        try (var connector = JMXConnectorFactory.connect(cluster.jmxUrl(2))) {
            var jvm = connector.getMBeanServerConnection();
            assertThat(jvm.getAttribute(new ObjectName("java.lang:type=Runtime"), "Pid"))
                    .as("the pid of the JVM at broker 2's JMX address: broker 2's new process").isEqualTo(cluster.pid(2));
            assertThat(jvm.queryNames(new ObjectName("kafka.server:type=ReplicaManager,*"), null))
                    .as("Kafka's broker metrics over JMX").isNotEmpty();
        }
    }

    @Test
    @DisplayName("a node that cannot start fails at once with the end of its log")
    void portTaken() throws Exception {
        try (var taken = new ServerSocket(0)) {
            var started = System.nanoTime();

            assertThatThrownBy(() -> ProcessCluster.builder().brokers(1)
                    .nodeConfig(0, "listeners", "PLAINTEXT://localhost:" + taken.getLocalPort())
                    .start().close())
                    .isInstanceOf(LabSetupException.class)
                    .hasMessageContaining("exited while starting")
                    .hasMessageContaining("Address already in use");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("failed before the 90 s wait ran out")
                    .isLessThan(Duration.ofSeconds(60));
        }
    }

    @Test
    @DisplayName("leaves no node running when the JVM that started them is killed")
    void noOrphans() throws Exception {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var parent = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dlab.log.dir=" + System.getProperty("lab.log.dir", "target") + "/orphan-test",
                OrphanedClusterMain.class.getName()).redirectErrorStream(true).start();
        long[] pids;
        try (var output = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            var line = output.readLine();
            while (line != null && !line.startsWith("pids ")) {
                line = output.readLine();
            }
            assertThat(line).as("the child printed its node pids").isNotNull();
            pids = Arrays.stream(line.substring(5).split(" ")).mapToLong(Long::parseLong).toArray();
        } finally {
            parent.destroyForcibly().waitFor();
        }

        LabAwait.until("the orphaned nodes " + Arrays.toString(pids) + " to exit").atMost(Duration.ofSeconds(15))
                .until(() -> Arrays.stream(pids).noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));
    }

    private static int leaderOf(String topic) throws Exception {
        try (var admin = admin()) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().get(0).leader().id();
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer());
    }

    private static long count(String topic) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()),
                new StringDeserializer(), new StringDeserializer())) {
            var partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            var end = consumer.endOffsets(List.of(partition)).get(partition);
            long read = 0;
            var deadline = System.nanoTime() + LabAwait.TIMEOUT.toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(500)).count();
            }
            return read;
        }
    }
}
