package lab.kit.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.management.JMException;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import lab.kit.broker.KafkaNodeProcess.Role;
import lab.kit.process.Folders;
import lab.kit.process.JavaService;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A KRaft cluster whose brokers and controllers are separate processes (Apache Kafka's own
 * {@code kafka.Kafka}, from the kit's classpath): for lessons where a crash must be real ({@link
 * #killBroker(int)} is SIGKILL) or where each broker needs metrics of its own (one JVM per broker).
 *
 * <pre>{@code
 * try (var cluster = ProcessCluster.builder().brokers(3).controllers(3).start()) {
 *     cluster.killBroker(0);            // kill -9
 *     cluster.startBroker(0);           // same folder, same port, data kept
 *     cluster.killNode(cluster.activeController());
 * }
 * }</pre>
 *
 * Brokers have ids 0..n-1 and controllers 3000.. (as the embedded cluster). Each node's folder, with its
 * {@code server.properties} and {@code server.log}, is under {@code <lab.log.dir>/kafka-processes/}. No
 * process outlives the test JVM: each watches its parent ({@link lab.kit.process.KafkaNodeMain}).
 */
public final class ProcessCluster implements LabCluster {

    private static final Logger log = LoggerFactory.getLogger(ProcessCluster.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    static final int FIRST_CONTROLLER_ID = 3000;
    private static final ObjectName BROKER_STATE = objectName("kafka.server:type=KafkaServer,name=BrokerState");
    private static final int RUNNING = 3;

    private final Map<Integer, KafkaNodeProcess> nodes;
    private final Path dir;
    /** Settings the kit's own clients add to their defaults ({@link Builder#clientConfig}). */
    private final Map<String, Object> clientConfig;
    private final Set<Integer> stopped = new TreeSet<>();
    /** Nodes frozen by {@link #pauseNode}: alive, and answering nothing. */
    private final Set<Integer> paused = new TreeSet<>();
    private final Thread reaper = new Thread(this::killAll, "lab-process-cluster-reaper");

    private ProcessCluster(Map<Integer, KafkaNodeProcess> nodes, Path dir, Map<String, Object> clientConfig) {
        this.nodes = nodes;
        this.dir = dir;
        this.clientConfig = Map.copyOf(clientConfig);
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What a {@link ProcessCluster} will be: sizes, settings for every node or for one. */
    public static final class Builder {
        private int brokers = 3;
        private int controllers = 1;
        private final Map<String, String> config = new HashMap<>();
        private final Map<Integer, Map<String, String>> nodeConfig = new HashMap<>();
        private final Map<Integer, Integer> ports = new HashMap<>();
        private final Map<String, Object> clientConfig = new HashMap<>();
        private boolean dynamicQuorum;
        private final List<String> jvmOptions = new ArrayList<>(List.of(
                "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                "-Djava.awt.headless=true"));

        public Builder brokers(int brokers) {
            this.brokers = brokers;
            return this;
        }

        /** 1 controller, or 3 for a quorum that survives losing one. */
        public Builder controllers(int controllers) {
            this.controllers = controllers;
            return this;
        }

        /** A setting for every node, over the lab's defaults. */
        public Builder config(String key, String value) {
            config.put(key, value);
            return this;
        }

        /** A setting for one node (a broker id, or a controller id from 3000), over everything else. */
        public Builder nodeConfig(int nodeId, String key, String value) {
            nodeConfig.computeIfAbsent(nodeId, id -> new HashMap<>()).put(key, value);
            return this;
        }

        /**
         * The port this JVM reaches a broker at, on localhost: for a test that writes the broker's
         * listeners itself ({@link #nodeConfig}); the kit's own listener settings are then replaced.
         */
        public Builder brokerPort(int brokerId, int port) {
            ports.put(brokerId, port);
            return this;
        }

        /**
         * A setting for the kit's own clients (the ones that wait for the brokers): for a test whose
         * brokers have no plaintext listener, the security settings of the listener at {@link #brokerPort}.
         */
        public Builder clientConfig(String key, Object value) {
            clientConfig.put(key, value);
            return this;
        }

        /**
         * A dynamic controller quorum (KIP-853): only the first controller votes at the start; the others
         * run as observers until an operator adds them ({@code Admin#addRaftVoter}). Nodes find the quorum
         * through {@code controller.quorum.bootstrap.servers} instead of a fixed list of voters.
         */
        public Builder dynamicQuorum() {
            this.dynamicQuorum = true;
            return this;
        }

        /** JVM options added to the nodes' (the lab's start fast, with a small heap). */
        public Builder jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        public ProcessCluster start() {
            if (brokers < 1 || (controllers != 1 && controllers != 3)) {
                throw new LabSetupException("A process cluster has 1 or more brokers and 1 or 3 controllers, not "
                        + brokers + " and " + controllers + ".");
            }
            try {
                return ProcessCluster.start(this);
            } catch (LabSetupException e) {
                // A port that was free a moment ago may have been taken by another program since: once
                // more, with other ports (unless the test chose them).
                var portsChosenByTest = !ports.isEmpty()
                        || nodeConfig.values().stream().anyMatch(settings -> settings.containsKey("listeners"));
                if (portsChosenByTest || !String.valueOf(e.getMessage()).contains("Address already in use")) {
                    throw e;
                }
                log.warn("A Kafka process found its port taken; starting the cluster again on other ports");
                return ProcessCluster.start(this);
            }
        }
    }

    private static ProcessCluster start(Builder wanted) {
        var started = System.nanoTime();
        var dir = runDirectory();
        var controllerPorts = new LinkedHashMap<Integer, Integer>();
        for (int i = 0; i < wanted.controllers; i++) {
            controllerPorts.put(FIRST_CONTROLLER_ID + i, freePort());
        }
        var voters = controllerPorts.entrySet().stream()
                .map(voter -> voter.getKey() + "@localhost:" + voter.getValue()).collect(Collectors.joining(","));
        var nodes = new LinkedHashMap<Integer, KafkaNodeProcess>();
        controllerPorts.forEach((id, port) -> nodes.put(id, node(wanted, id, Role.CONTROLLER, port, voters, dir)));
        for (int id = 0; id < wanted.brokers; id++) {
            nodes.put(id, node(wanted, id, Role.BROKER, wanted.ports.getOrDefault(id, freePort()), voters, dir));
        }
        var cluster = new ProcessCluster(nodes, dir, wanted.clientConfig);
        try {
            var clusterId = Uuid.randomUuid().toString();
            for (var node : nodes.values()) {
                node.format(clusterId, formatOptions(wanted, node));
            }
            for (var node : nodes.values()) {
                node.start();
            }
            cluster.awaitBrokers(cluster.brokerIds());
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw new LabSetupException("The Kafka processes did not start: " + e.getMessage()
                    + "\nNode folders and logs: " + dir, e);
        }
        log.info("Kafka ({}) started in {} ms; node logs under {}", cluster.describe(),
                (System.nanoTime() - started) / 1_000_000, dir);
        return cluster;
    }

    /** A dynamic quorum starts from the first controller alone; the other controllers join later, as observers. */
    private static List<String> formatOptions(Builder wanted, KafkaNodeProcess node) {
        if (!wanted.dynamicQuorum || node.role() != Role.CONTROLLER) {
            return List.of();
        }
        return List.of(node.id() == FIRST_CONTROLLER_ID ? "--standalone" : "--no-initial-controllers");
    }

    private static KafkaNodeProcess node(Builder wanted, int id, Role role, int port, String voters, Path dir) {
        var config = new HashMap<>(LabBrokerConfig.defaults(wanted.brokers));
        config.put("node.id", String.valueOf(id));
        if (wanted.dynamicQuorum) {
            config.put("controller.quorum.bootstrap.servers", voters.replaceAll("\\d+@", ""));
            config.put("controller.quorum.auto.join.enable", "false"); // joining is the operator's step
        } else {
            config.put("controller.quorum.voters", voters);
        }
        config.put("controller.listener.names", "CONTROLLER");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("log.dirs", dir.resolve("node-" + id).resolve("data").toString());
        if (role == Role.CONTROLLER) {
            config.put("process.roles", "controller");
            config.put("listeners", "CONTROLLER://localhost:" + port);
        } else {
            config.put("process.roles", "broker");
            config.put("listeners", "PLAINTEXT://localhost:" + port);
            config.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
            config.put("inter.broker.listener.name", "PLAINTEXT");
        }
        config.putAll(wanted.config);
        config.putAll(wanted.nodeConfig.getOrDefault(id, Map.of()));
        var jmxPort = freePort();
        var jvmOptions = new ArrayList<>(wanted.jvmOptions);
        jvmOptions.addAll(JavaService.jmxOptions(jmxPort));
        return new KafkaNodeProcess(id, role, port, jmxPort, dir.resolve("node-" + id), config, jvmOptions);
    }

    @Override
    public String bootstrapServers() {
        return brokers().map(node -> "localhost:" + node.port()).collect(Collectors.joining(","));
    }

    @Override
    public Set<Integer> brokerIds() {
        return brokers().map(KafkaNodeProcess::id).collect(Collectors.toCollection(TreeSet::new));
    }

    public Set<Integer> controllerIds() {
        return nodes.values().stream().filter(node -> node.role() == Role.CONTROLLER).map(KafkaNodeProcess::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public String describe() {
        return "processes, " + brokerIds().size() + (brokerIds().size() == 1 ? " broker and " : " brokers and ") + controllerIds().size()
                + (controllerIds().size() == 1 ? " controller" : " controllers");
    }

    /** SIGTERM to a broker: a controlled shutdown. Returns once the process has exited. */
    @Override
    public void stopBroker(int brokerId) {
        stopNode(brokerId);
    }

    /** SIGKILL to a broker. */
    @Override
    public void killBroker(int brokerId) {
        killNode(brokerId);
    }

    /** Starts a stopped or killed broker or controller again, and for a broker waits until it serves. */
    @Override
    public void startBroker(int nodeId) {
        if (!launchNode(nodeId)) {
            return;
        }
        var node = node(nodeId);
        if (node.role() == Role.BROKER) {
            awaitBrokers(Set.of(nodeId));
        } else {
            awaitCaughtUp(nodeId, node.startedAtMillis());
        }
    }

    /**
     * Starts stopped nodes again side by side (a JVM's start is mostly waiting on one core), then waits
     * until the brokers serve and the controllers caught up.
     */
    @Override
    public void startBrokers(Set<Integer> nodeIds) {
        var launched = nodeIds.stream().filter(this::launchNode).map(this::node).toList();
        awaitBrokers(launched.stream().filter(node -> node.role() == Role.BROKER).map(KafkaNodeProcess::id)
                .collect(Collectors.toSet()));
        launched.stream().filter(node -> node.role() == Role.CONTROLLER)
                .forEach(node -> awaitCaughtUp(node.id(), node.startedAtMillis()));
    }

    /**
     * Starts a stopped node's process again and returns at once, before it has registered or caught
     * up: for lessons where waiting for the node is the learner's job. False if it was not stopped.
     */
    public boolean launchNode(int nodeId) {
        var node = node(nodeId);
        synchronized (this) {
            if (!stopped.remove(nodeId)) {
                return false;
            }
        }
        log.info("Starting node {} again", nodeId);
        try {
            node.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    /** Waits until every running broker is registered and every running controller caught up since its start. */
    public void awaitWhole() {
        var running = nodes.values().stream().filter(KafkaNodeProcess::isAlive).toList();
        awaitBrokers(running.stream().filter(node -> node.role() == Role.BROKER).map(KafkaNodeProcess::id)
                .collect(Collectors.toSet()));
        running.stream().filter(node -> node.role() == Role.CONTROLLER)
                .forEach(node -> awaitCaughtUp(node.id(), node.startedAtMillis()));
    }

    /**
     * SIGSTOP: the node's process freezes, to everyone at once, as if every network link to it were cut:
     * no fetches from its leaders, no heartbeats to the controller, no answers to clients. The controller
     * fences it after broker.session.timeout.ms, and its partitions' ISRs shrink. {@link #resumeNode}
     * thaws it; a stop, kill or close of the cluster thaws it first. So does a timer outside this JVM
     * after {@code atMost}: a frozen node cannot notice that the test JVM died, and must not stay behind.
     */
    public void pauseNode(int nodeId, Duration atMost) {
        var node = node(nodeId);
        synchronized (this) {
            if (!paused.add(nodeId)) {
                return;
            }
        }
        log.info("Pausing node {} (SIGSTOP) for at most {} s: cut off from everyone", nodeId, atMost.toSeconds());
        signal(node.pid(), "STOP");
        try {
            new ProcessBuilder("sh", "-c", "sleep " + Math.max(1, atMost.toSeconds()) + "; kill -CONT " + node.pid())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            signal(node.pid(), "CONT");
            throw new LabSetupException("Cannot start the timer that thaws a paused node: " + e.getMessage());
        }
    }

    /** SIGCONT to a node {@link #pauseNode paused} before; it reconnects and catches up by itself. */
    public void resumeNode(int nodeId) {
        var node = node(nodeId);
        synchronized (this) {
            if (!paused.remove(nodeId)) {
                return;
            }
        }
        log.info("Resuming node {} (SIGCONT)", nodeId);
        signal(node.pid(), "CONT");
    }

    /**
     * {@code kill -<signal> <pid>} through the shell's own kill: measured here, SIGCONT sent by running
     * /bin/kill directly left the JVM frozen in 2 of 3 runs, while the shell's builtin thawed it every time.
     */
    private static void signal(long pid, String signal) {
        try {
            var kill = new ProcessBuilder("sh", "-c", "kill -" + signal + " " + pid).redirectErrorStream(true).start();
            var output = new String(kill.getInputStream().readAllBytes());
            if (kill.waitFor() != 0) {
                throw new LabSetupException("kill -" + signal + " " + pid + " failed: " + output.strip()
                        + ". Pausing a node needs a Unix shell (Linux, macOS).");
            }
        } catch (IOException e) {
            throw new LabSetupException("Cannot run 'kill -" + signal + "': " + e.getMessage()
                    + ". Pausing a node needs a Unix shell (Linux, macOS).");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signalling node " + pid, e);
        }
    }

    /** SIGTERM to any node, a controller too. */
    public void stopNode(int nodeId) {
        var node = node(nodeId);
        resumeNode(nodeId); // a frozen process would not act on SIGTERM until thawed
        if (markStopped(nodeId)) {
            log.info("Stopping node {} (SIGTERM)", nodeId);
            node.stop();
        }
    }

    /** SIGKILL to any node, a controller too. */
    public void killNode(int nodeId) {
        var node = node(nodeId);
        synchronized (this) {
            paused.remove(nodeId); // SIGKILL needs no thaw
        }
        if (markStopped(nodeId)) {
            log.info("Killing node {} (SIGKILL)", nodeId);
            node.kill();
        }
    }

    /** The brokers and controllers stopped or killed, and not started again. */
    @Override
    public synchronized Set<Integer> stoppedBrokers() {
        return Set.copyOf(stopped);
    }

    /** The operating-system process id of a running node, for lessons that look at it from outside. */
    public long pid(int nodeId) {
        return node(nodeId).pid();
    }

    /**
     * Where a node's JVM serves JMX (its Kafka metrics, and the JVM's own memory and garbage collection),
     * for {@code JMXConnectorFactory.connect}. It stays the same when the node is started again.
     */
    public JMXServiceURL jmxUrl(int nodeId) {
        try {
            return new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + node(nodeId).jmxPort() + "/jmxrmi");
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The port a broker's clients connect to, or a controller's quorum listener. */
    public int port(int nodeId) {
        return node(nodeId).port();
    }

    /** A node's log file ({@code server.log} in its folder). */
    public Path logFile(int nodeId) {
        return node(nodeId).log();
    }

    /** The settings a node runs with (its server.properties). */
    public Map<String, String> nodeConfig(int nodeId) {
        return Map.copyOf(node(nodeId).config());
    }

    /** The controller listener addresses, for {@code kafka-metadata-quorum --bootstrap-controller}. */
    public String bootstrapControllers() {
        return controllerIds().stream().map(id -> "localhost:" + node(id).port()).collect(Collectors.joining(","));
    }

    @Override
    public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook runs (or ran) anyway.
        }
        deleteData();
    }

    private synchronized boolean markStopped(int nodeId) {
        return stopped.add(nodeId);
    }

    /** A test run throws its cluster away: SIGKILL is enough, and does not wait for controlled shutdowns. */
    private void killAll() {
        nodes.values().parallelStream().forEach(KafkaNodeProcess::kill);
    }

    private void awaitBrokers(Set<Integer> brokerIds) {
        if (brokerIds.isEmpty()) {
            return;
        }
        var deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (var admin = Admin.create(adminConfig())) {
            // Registered is not enough after a kill: the old process stays registered until its session
            // times out. Its own JVM saying RUNNING is the new process, caught up and unfenced.
            while (!liveIds(admin).containsAll(brokerIds) || !brokerIds.stream().allMatch(this::runsPerItsJvm)) {
                // A node that died at start (a port taken, a bad setting) fails the wait at once, with its log.
                for (var node : nodes.values()) {
                    if (!stoppedBrokers().contains(node.id()) && !node.isAlive()) {
                        throw new LabSetupException("Kafka node " + node.id() + " exited while starting. The end of "
                                + "its log (" + node.log() + "):\n" + node.logTail(15));
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new LabSetupException("Brokers " + brokerIds + " did not register within "
                            + READY_TIMEOUT.toSeconds() + " s; the logs are under " + dir);
                }
                pause();
            }
        }
    }

    /** A restarted controller counts once the quorum's leader has seen it caught up since it started. */
    private void awaitCaughtUp(int controllerId, long since) {
        var deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (var admin = Admin.create(adminConfig())) {
            while (!caughtUpSince(admin, controllerId, since)) {
                if (System.nanoTime() > deadline) {
                    throw new LabSetupException("Controller " + controllerId + " did not catch up with the quorum within "
                            + READY_TIMEOUT.toSeconds() + " s; its log: " + node(controllerId).log());
                }
                pause();
            }
        }
    }

    private static boolean caughtUpSince(Admin admin, int controllerId, long since) {
        try {
            return admin.describeMetadataQuorum().quorumInfo().get(3, TimeUnit.SECONDS).voters().stream()
                    .anyMatch(voter -> voter.replicaId() == controllerId
                            && voter.lastCaughtUpTimestamp().orElse(0L) >= since);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabSetupException("Interrupted while waiting for controller " + controllerId, e);
        } catch (ExecutionException | TimeoutException e) {
            return false; // no leader yet
        }
    }

    private Map<String, Object> adminConfig() {
        var config = new HashMap<String, Object>(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000));
        config.putAll(clientConfig);
        return config;
    }

    /** True when the node's JVM answers over JMX and its broker state is RUNNING (3). */
    private boolean runsPerItsJvm(int brokerId) {
        try (var connector = JMXConnectorFactory.connect(jmxUrl(brokerId))) {
            var state = connector.getMBeanServerConnection().getAttribute(BROKER_STATE, "Value");
            return state instanceof Number number && number.intValue() == RUNNING;
        } catch (IOException | JMException e) {
            return false; // not listening yet, or its broker not registered in JMX yet
        }
    }

    private static ObjectName objectName(String name) {
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<Integer> liveIds(Admin admin) {
        try {
            return admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).stream().map(Node::id)
                    .collect(Collectors.toSet());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabSetupException("Interrupted while waiting for the Kafka processes", e);
        } catch (ExecutionException | TimeoutException e) {
            return Set.of(); // not answering yet
        }
    }

    private Stream<KafkaNodeProcess> brokers() {
        return nodes.values().stream().filter(node -> node.role() == Role.BROKER);
    }

    private KafkaNodeProcess node(int nodeId) {
        var node = nodes.get(nodeId);
        if (node == null) {
            throw new IllegalArgumentException("No node " + nodeId + "; the brokers are " + brokerIds()
                    + " and the controllers " + controllerIds());
        }
        return node;
    }

    /** One folder per run, named by this JVM's pid; the folders of earlier runs are removed. */
    private static Path runDirectory() {
        var root = Path.of(System.getProperty("lab.log.dir", "target")).resolve("kafka-processes");
        var dir = root.resolve("run-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100_000);
        try {
            if (Files.isDirectory(root)) {
                try (var old = Files.list(root)) {
                    old.filter(path -> !path.getFileName().toString().startsWith("run-" + ProcessHandle.current().pid()))
                            .forEach(ProcessCluster::deleteRecursively);
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }

    /** Logs stay for reading after the run; the data (the bulk) goes. */
    private void deleteData() {
        nodes.keySet().forEach(id -> deleteRecursively(dir.resolve("node-" + id).resolve("data")));
    }

    private static void deleteRecursively(Path path) {
        if (!Folders.deleteRecursively(path)) {
            log.warn("Could not delete all of {}; the next run tries again", path);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabSetupException("Interrupted while waiting for the Kafka processes", e);
        }
    }

    private static int freePort() {
        return LabPorts.free();
    }
}
