package lab.kit.broker;

import java.time.Duration;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * One KRaft node (broker and controller) of a multi-node cluster from the {@code apache/kafka} image,
 * configured through the image's {@code KAFKA_*} environment variables, as {@code docker/cluster} does.
 *
 * <p>Its client port is bound to a fixed host port chosen before start: a container restarted after a
 * stop gets its old port back, so what the broker advertises stays true (a random port would change).
 */
final class KafkaNodeContainer extends GenericContainer<KafkaNodeContainer> {

    static final int CLIENT_PORT = 9092;
    private static final int BROKER_PORT = 19092;
    private static final int CONTROLLER_PORT = 29093;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final int nodeId;
    private final int hostPort;

    KafkaNodeContainer(int nodeId, int nodes, String clusterId, Network network, String advertisedHost) {
        super(ContainerCluster.image());
        this.nodeId = nodeId;
        this.hostPort = freePort();
        withNetwork(network);
        withNetworkAliases(alias(nodeId));
        addFixedExposedPort(hostPort, CLIENT_PORT);
        withEnv("CLUSTER_ID", clusterId);
        withEnv("KAFKA_NODE_ID", String.valueOf(nodeId));
        withEnv("KAFKA_PROCESS_ROLES", "broker,controller");
        withEnv("KAFKA_CONTROLLER_QUORUM_VOTERS", voters(nodes));
        // HOST: clients on the machine running the tests. BROKER: replication between the containers.
        withEnv("KAFKA_LISTENERS", "HOST://:" + CLIENT_PORT + ",BROKER://:" + BROKER_PORT
                + ",CONTROLLER://:" + CONTROLLER_PORT);
        withEnv("KAFKA_ADVERTISED_LISTENERS", "HOST://" + advertisedHost + ":" + hostPort
                + ",BROKER://" + alias(nodeId) + ":" + BROKER_PORT);
        withEnv("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "HOST:PLAINTEXT,BROKER:PLAINTEXT,CONTROLLER:PLAINTEXT");
        withEnv("KAFKA_INTER_BROKER_LISTENER_NAME", "BROKER");
        withEnv("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER");
        withEnv("KAFKA_HEAP_OPTS", "-Xms128m -Xmx512m");
        LabBrokerConfig.defaults(nodes).forEach((key, value) -> withEnv(envName(key), value));
        waitingFor(Wait.forLogMessage(".*Kafka Server started.*", 1).withStartupTimeout(START_TIMEOUT));
    }

    int nodeId() {
        return nodeId;
    }

    String clientAddress(String host) {
        return host + ":" + hostPort;
    }

    private static String alias(int nodeId) {
        return "kafka-" + nodeId;
    }

    private static String voters(int nodes) {
        var voters = new StringBuilder();
        for (int id = 1; id <= nodes; id++) {
            voters.append(id == 1 ? "" : ",").append(id).append('@').append(alias(id)).append(':').append(CONTROLLER_PORT);
        }
        return voters.toString();
    }

    /** The image's convention, reversed: {@code a.b_c} becomes {@code KAFKA_A_B__C}. */
    static String envName(String key) {
        return "KAFKA_" + key.replace("_", "__").replace("-", "___").replace('.', '_').toUpperCase();
    }

    private static int freePort() {
        return LabPorts.free();
    }
}
