package lab.kit.broker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import com.github.dockerjava.api.DockerClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Network;
import org.testcontainers.lifecycle.Startables;

import static org.awaitility.Awaitility.await;

/**
 * A KRaft cluster of N broker containers and one controller container on one Testcontainers network:
 * the shape of the kit's in-JVM and process clusters, so any number of brokers can be down while the
 * controller keeps the metadata (with combined nodes, two of three down would take the quorum's majority
 * and hang the second stop). A test stops a broker with {@code docker stop} (SIGTERM: a controlled
 * shutdown) or kills it ({@code docker kill}, SIGKILL), and starts the same container again: its data
 * stays in the container, its client port stays the same.
 */
public final class ContainerNodesCluster implements LabCluster {

    private static final Logger log = LoggerFactory.getLogger(ContainerNodesCluster.class);
    private static final Duration REGISTRATION_TIMEOUT = Duration.ofSeconds(60);
    private static final int STOP_GRACE_SECONDS = 30;
    private static final Duration DOWN_TIMEOUT = Duration.ofSeconds(15);

    private final Network network;
    private final KafkaNodeContainer controller;
    private final List<KafkaNodeContainer> nodes;
    private final String bootstrapServers;
    private final String host;
    private final Set<Integer> stopped = new TreeSet<>();

    private ContainerNodesCluster(Network network, KafkaNodeContainer controller, List<KafkaNodeContainer> nodes, String host) {
        this.network = network;
        this.controller = controller;
        this.host = host;
        this.nodes = nodes;
        this.bootstrapServers = nodes.stream().map(node -> node.clientAddress(host)).collect(Collectors.joining(","));
    }

    static ContainerNodesCluster start(int brokers) {
        var started = System.nanoTime();
        var host = advertisedHost();
        var clusterId = Uuid.randomUuid().toString();
        var network = Network.newNetwork();
        var controller = KafkaNodeContainer.controller(brokers, clusterId, network);
        var nodes = new ArrayList<KafkaNodeContainer>();
        for (int id = 0; id < brokers; id++) { // ids 0 to n-1, as the in-JVM and process clusters number them
            nodes.add(KafkaNodeContainer.broker(id, brokers, clusterId, network, host));
        }
        var cluster = new ContainerNodesCluster(network, controller, nodes, host);
        try {
            // Together: the brokers wait for the controller anyway, and the JVMs start side by side.
            var all = new ArrayList<>(nodes);
            all.add(controller);
            Startables.deepStart(all).join();
            cluster.awaitRegistered(cluster.brokerIds());
        } catch (RuntimeException e) {
            cluster.close(); // stop whatever did start: nothing may outlive the test run
            throw new LabSetupException("The " + brokers + " Kafka containers (" + ContainerCluster.image()
                    + ") did not start: " + e.getMessage() + "\nCan Docker run the image (docker run --rm "
                    + ContainerCluster.image() + ")? Or use:\n" + BrokerSource.CONTAINERS.alternatives(), e);
        }
        log.info("Kafka ({}) started in {} ms at {}", cluster.describe(), (System.nanoTime() - started) / 1_000_000,
                cluster.bootstrapServers);
        return cluster;
    }

    /**
     * Where the test JVM reaches the containers' published ports. Testcontainers answers with the engine's
     * gateway when it believes it runs inside a container; but an engine on a local socket publishes ports
     * on this machine's loopback, and the gateway of the default network does not forward to a new one.
     */
    private static String advertisedHost() {
        var override = System.getenv("TESTCONTAINERS_HOST_OVERRIDE");
        if (override != null && !override.isBlank()) {
            return override;
        }
        var dockerHost = System.getenv("DOCKER_HOST");
        if (dockerHost == null || dockerHost.startsWith("unix://")) {
            return "localhost";
        }
        return DockerClientFactory.instance().dockerHostIpAddress();
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public Set<Integer> brokerIds() {
        return nodes.stream().map(KafkaNodeContainer::nodeId).collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public String describe() {
        return "containers, " + nodes.size() + " brokers and 1 controller (" + ContainerCluster.image() + ")";
    }

    @Override
    public synchronized void stopBroker(int brokerId) {
        var node = node(brokerId);
        if (stopped.add(brokerId)) {
            log.info("Stopping broker container {} (docker stop)", brokerId);
            docker().stopContainerCmd(node.getContainerId()).withTimeout(STOP_GRACE_SECONDS).exec();
            awaitDown(node);
        }
    }

    @Override
    public synchronized void killBroker(int brokerId) {
        var node = node(brokerId);
        if (stopped.add(brokerId)) {
            log.info("Killing broker container {} (docker kill, SIGKILL)", brokerId);
            docker().killContainerCmd(node.getContainerId()).withSignal("KILL").exec();
            awaitDown(node);
        }
    }

    @Override
    public synchronized void startBroker(int brokerId) {
        var node = node(brokerId);
        if (stopped.remove(brokerId)) {
            log.info("Starting broker container {} again", brokerId);
            docker().startContainerCmd(node.getContainerId()).exec();
            awaitRegistered(Set.of(brokerId));
            awaitServing(node);
        }
    }

    @Override
    public synchronized Set<Integer> stoppedBrokers() {
        return Set.copyOf(stopped);
    }

    @Override
    public void close() {
        nodes.forEach(KafkaNodeContainer::stop);
        controller.stop();
        network.close();
    }

    /**
     * Returns once the container has exited and its published port refuses connections, as a crashed
     * broker's port on a real machine does. Until the engine has removed the port forwarding of a killed
     * container, a connection to its port goes to an address that no longer answers: a new client that
     * tries it first waits its whole connection setup timeout (10 s) instead of moving on at once.
     */
    private void awaitDown(KafkaNodeContainer node) {
        try {
            await("broker container " + node.nodeId() + " down, its port refusing connections").atMost(DOWN_TIMEOUT)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> !Boolean.TRUE.equals(docker().inspectContainerCmd(node.getContainerId()).exec().getState().getRunning())
                            && node.portRefuses(host));
        } catch (ConditionTimeoutException e) {
            log.warn("Broker container {} is down, but its port still takes connections after {} s; clients may wait"
                    + " for their connection timeout", node.nodeId(), DOWN_TIMEOUT.toSeconds());
        }
    }

    private void awaitRegistered(Set<Integer> brokerIds) {
        var config = Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        try (var admin = Admin.create(config)) {
            await("brokers " + brokerIds + " registered and serving").atMost(REGISTRATION_TIMEOUT)
                    .ignoreExceptions()
                    .until(() -> liveIds(admin).containsAll(brokerIds));
        }
    }

    /**
     * Registered is not enough after a kill: the old incarnation stays registered until its session times
     * out. A new client that knows only this broker's address gets its first answer from the new process.
     */
    private void awaitServing(KafkaNodeContainer node) {
        await("broker container " + node.nodeId() + " serving requests again").atMost(REGISTRATION_TIMEOUT)
                .pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
                    var config = Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, node.clientAddress(host),
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000);
                    try (var admin = Admin.create(config)) {
                        return liveIds(admin).contains(node.nodeId());
                    }
                });
    }

    private static Set<Integer> liveIds(Admin admin)
            throws InterruptedException, ExecutionException, TimeoutException {
        return admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).stream().map(Node::id)
                .collect(Collectors.toSet());
    }

    private KafkaNodeContainer node(int brokerId) {
        return nodes.stream().filter(node -> node.nodeId() == brokerId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No broker " + brokerId + "; the brokers are "
                        + brokerIds()));
    }

    private static DockerClient docker() {
        return DockerClientFactory.instance().client();
    }
}
