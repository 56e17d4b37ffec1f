package lab.kit.broker;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * One KRaft node of a multi-node cluster from the {@code apache/kafka} image, configured through the
 * image's {@code KAFKA_*} environment variables: a broker, or the cluster's controller. Controller and
 * brokers are separate containers (as the kit's in-JVM and process clusters are), so a test may stop
 * any number of brokers without taking the controller quorum's majority away.
 *
 * <p>A broker's client port is bound to a fixed host port chosen before start: a container restarted
 * after a stop gets its old port back, so what the broker advertises stays true (a random port would
 * change). The controller publishes no port: only the brokers talk to it.
 */
final class KafkaNodeContainer extends GenericContainer<KafkaNodeContainer> {

    static final int CLIENT_PORT = 9092;
    static final int CONTROLLER_ID = 3000;
    private static final int BROKER_PORT = 19092;
    private static final int CONTROLLER_PORT = 29093;
    private static final String CONTROLLER_ALIAS = "kafka-controller";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final int nodeId;
    private final int hostPort;

    private KafkaNodeContainer(int nodeId, int brokers, String clusterId, Network network, String roles, String heap) {
        super(ContainerCluster.image());
        this.nodeId = nodeId;
        this.hostPort = roles.equals("broker") ? LabPorts.free() : -1;
        withNetwork(network);
        withEnv("CLUSTER_ID", clusterId);
        withEnv("KAFKA_NODE_ID", String.valueOf(nodeId));
        withEnv("KAFKA_PROCESS_ROLES", roles);
        withEnv("KAFKA_CONTROLLER_QUORUM_VOTERS", CONTROLLER_ID + "@" + CONTROLLER_ALIAS + ":" + CONTROLLER_PORT);
        withEnv("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER");
        withEnv("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "HOST:PLAINTEXT,BROKER:PLAINTEXT,CONTROLLER:PLAINTEXT");
        withEnv("KAFKA_HEAP_OPTS", heap);
        LabBrokerConfig.defaults(brokers).forEach((key, value) -> withEnv(envName(key), value));
        // A killed container's address goes silent (a killed process on this machine answers with a reset):
        // a broker's replica fetcher talking to it would hang up to 30 s, and with it the move of its
        // partitions to the new leader. Short socket timeouts between the nodes bound that, as a network
        // that loses machines needs them bounded.
        withEnv("KAFKA_REPLICA_SOCKET_TIMEOUT_MS", "3000");
        withEnv("KAFKA_SOCKET_CONNECTION_SETUP_TIMEOUT_MS", "1000");
        withEnv("KAFKA_SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS", "3000");
        waitingFor(Wait.forLogMessage(".*Kafka Server started.*", 1).withStartupTimeout(START_TIMEOUT));
    }

    /** Broker {@code nodeId} of {@code brokers}, advertising its client port on {@code advertisedHost}. */
    static KafkaNodeContainer broker(int nodeId, int brokers, String clusterId, Network network, String advertisedHost) {
        var node = new KafkaNodeContainer(nodeId, brokers, clusterId, network, "broker", "-Xms128m -Xmx512m");
        node.withNetworkAliases(alias(nodeId));
        node.addFixedExposedPort(node.hostPort, CLIENT_PORT);
        // HOST: clients on the machine running the tests. BROKER: replication between the containers.
        node.withEnv("KAFKA_LISTENERS", "HOST://:" + CLIENT_PORT + ",BROKER://:" + BROKER_PORT);
        node.withEnv("KAFKA_ADVERTISED_LISTENERS", "HOST://" + advertisedHost + ":" + node.hostPort
                + ",BROKER://" + alias(nodeId) + ":" + BROKER_PORT);
        node.withEnv("KAFKA_INTER_BROKER_LISTENER_NAME", "BROKER");
        return node;
    }

    /** The cluster's one controller (a quorum of one voter), reached by the brokers on the network only. */
    static KafkaNodeContainer controller(int brokers, String clusterId, Network network) {
        var node = new KafkaNodeContainer(CONTROLLER_ID, brokers, clusterId, network, "controller", "-Xms64m -Xmx256m");
        node.withNetworkAliases(CONTROLLER_ALIAS);
        node.withEnv("KAFKA_LISTENERS", "CONTROLLER://:" + CONTROLLER_PORT);
        node.withEnv("KAFKA_ADVERTISED_LISTENERS", "CONTROLLER://" + CONTROLLER_ALIAS + ":" + CONTROLLER_PORT);
        return node;
    }

    int nodeId() {
        return nodeId;
    }

    /** Whether a connection to this broker's published port is refused at once (nothing forwards it). */
    boolean portRefuses(String host) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, hostPort), 500);
            return false;
        } catch (ConnectException refused) {
            return true;
        } catch (IOException timedOutOrOther) {
            return false;
        }
    }

    String clientAddress(String host) {
        return host + ":" + hostPort;
    }

    private static String alias(int nodeId) {
        return "kafka-" + nodeId;
    }

    /** The image's convention, reversed: {@code a.b_c} becomes {@code KAFKA_A_B__C}. */
    static String envName(String key) {
        return "KAFKA_" + key.replace("_", "__").replace("-", "___").replace('.', '_').toUpperCase();
    }
}
