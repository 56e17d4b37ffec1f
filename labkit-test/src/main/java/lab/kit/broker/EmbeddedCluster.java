package lab.kit.broker;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import kafka.server.BrokerServer;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.metadata.BrokerState;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.awaitility.Awaitility.await;

/**
 * Apache Kafka's own KRaft broker and controller code, running inside this JVM (Kafka's
 * {@link KafkaClusterTestKit}). One broker runs as a single combined broker+controller node; more
 * brokers get a separate controller, because three combined in-JVM nodes crash in Kafka 4.3.
 *
 * <pre>{@code
 * try (var cluster = EmbeddedCluster.start(3, Map.of())) {
 *     cluster.stopBroker(0);   // controlled shutdown: leadership moves to the others
 * }
 * }</pre>
 */
public final class EmbeddedCluster implements LabCluster {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedCluster.class);
    private static final Duration BROKER_START_TIMEOUT = Duration.ofSeconds(60);

    static {
        // A broker in this JVM that meets a fatal error calls Exit.halt(1), which ends the whole test JVM:
        // at the end of a run, when a cluster is closed by one shutdown hook while another deletes its
        // temporary folders, that turns a green run into a crashed fork. Only the broker should stop.
        Exit.Procedure logInstead = (status, message) ->
                log.warn("An in-JVM broker asked to end the JVM (status {}): {}; it is not allowed to", status, message);
        Exit.setHaltProcedure(logInstead);
        Exit.setExitProcedure(logInstead);
    }

    private final KafkaClusterTestKit kit;
    private final Set<Integer> stopped = new TreeSet<>();

    private EmbeddedCluster(KafkaClusterTestKit kit) {
        this.kit = kit;
    }

    /**
     * Starts a cluster of {@code brokers} brokers and waits until all are ready.
     *
     * @param brokerConfig broker settings added to (and overriding) the lab's defaults
     */
    public static EmbeddedCluster start(int brokers, Map<String, String> brokerConfig) {
        return start(brokers, brokerConfig, MetadataVersion.latestProduction());
    }

    /**
     * A cluster whose finalized features are those of an earlier release ({@code metadata.version} first),
     * as a rolling upgrade from that release leaves it: the new code running, the old features on, until
     * an operator raises them (the upgrade's last step).
     */
    public static EmbeddedCluster startAtRelease(int brokers, MetadataVersion release) {
        return start(brokers, Map.of(), release);
    }

    private static EmbeddedCluster start(int brokers, Map<String, String> brokerConfig, MetadataVersion release) {
        if (brokers < 1) {
            throw new LabSetupException("An embedded cluster needs at least 1 broker, not " + brokers + ".");
        }
        var started = System.nanoTime();
        KafkaClusterTestKit kit = null;
        try {
            var builder = new KafkaClusterTestKit.Builder(nodes(brokers, release));
            LabBrokerConfig.defaults(brokers).forEach(builder::setConfigProp);
            brokerConfig.forEach(builder::setConfigProp);
            kit = builder.build();
            formatQuietly(kit);
            kit.startup();
            kit.waitForReadyBrokers();
            var cluster = new EmbeddedCluster(kit);
            log.info("Kafka ({}) started in {} ms; broker logs: {}/kafka-lab.log", cluster.describe(),
                    (System.nanoTime() - started) / 1_000_000,
                    System.getProperty("lab.log.dir", "target"));
            return cluster;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(kit);
            throw new LabSetupException("Interrupted while starting the embedded Kafka cluster.", e);
        } catch (Exception e) {
            closeQuietly(kit); // a half-started kit holds threads, ports and directories
            throw new LabSetupException("The embedded Kafka cluster (" + brokers + " broker(s)) did not start: "
                    + e.getMessage() + "\nSee the broker log in " + System.getProperty("lab.log.dir", "target")
                    + "/kafka-lab.log, or use another source:\n" + BrokerSource.EMBEDDED.alternatives(), e);
        }
    }

    private static void closeQuietly(KafkaClusterTestKit kit) {
        if (kit != null) {
            try {
                kit.close();
            } catch (Exception e) {
                log.warn("A cluster that failed to start did not close cleanly either", e);
            }
        }
    }

    /**
     * One broker that advertises {@code advertisedPort} on its LINK listener, so clients that bootstrap
     * there connect back there: a proxy on that port (the kit's FaultyLink) then sees every connection.
     * The proxy forwards to {@link #linkListenerPort()}.
     */
    public static EmbeddedCluster startAdvertising(int advertisedPort) {
        return start(1, Map.of(
                "listeners", "EXTERNAL://localhost:0,CONTROLLER://localhost:0,LINK://localhost:0",
                "advertised.listeners", "EXTERNAL://localhost:0,LINK://localhost:" + advertisedPort,
                "listener.security.protocol.map", "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT,LINK:PLAINTEXT"));
    }

    /** The port the LINK listener of {@link #startAdvertising(int)}'s broker is bound to. */
    public int linkListenerPort() {
        return broker(brokerIds().iterator().next()).boundPort(new ListenerName("LINK"));
    }

    /**
     * The storage formatter prints its bootstrap records to System.out; the console is for results. One
     * format at a time: two clusters starting in parallel classes would otherwise each keep the other's
     * silenced stream as "the console" and put back silence for the rest of the run.
     */
    private static synchronized void formatQuietly(KafkaClusterTestKit kit) throws Exception {
        var console = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            kit.format();
        } finally {
            System.setOut(console);
        }
    }

    private static TestKitNodes nodes(int brokers, MetadataVersion release) {
        return new TestKitNodes.Builder(productionBootstrapMetadata(release))
                .setCombined(brokers == 1)
                .setNumBrokerNodes(brokers)
                .setNumControllerNodes(1)
                .build();
    }

    /**
     * The test kit defaults to a testing metadata version with unstable features. A lab should behave
     * like a production cluster of this Kafka version, including the KIP-848 consumer group protocol.
     */
    private static BootstrapMetadata productionBootstrapMetadata(MetadataVersion version) {
        var features = new HashMap<String, Short>();
        for (Feature feature : Feature.PRODUCTION_FEATURES) {
            features.put(feature.featureName(), feature.defaultLevel(version));
        }
        return BootstrapMetadata.fromVersions(version, features, "kafka lab");
    }

    @Override
    public String bootstrapServers() {
        return kit.bootstrapServers();
    }

    @Override
    public Set<Integer> brokerIds() {
        return new TreeSet<>(kit.brokers().keySet());
    }

    @Override
    public String describe() {
        var brokers = kit.brokers().size();
        return "embedded, " + brokers + (brokers == 1 ? " broker" : " brokers");
    }

    /** The broker's own server object, for lessons that look inside (bound ports, metrics). */
    public BrokerServer broker(int brokerId) {
        var broker = kit.brokers().get(brokerId);
        if (broker == null) {
            throw new IllegalArgumentException("No broker " + brokerId + "; the brokers are " + brokerIds());
        }
        return broker;
    }

    @Override
    public synchronized void stopBroker(int brokerId) {
        var broker = broker(brokerId);
        if (stopped.add(brokerId)) {
            log.info("Stopping broker {}", brokerId);
            broker.shutdown();
        }
    }

    @Override
    public synchronized void startBroker(int brokerId) {
        var broker = broker(brokerId);
        if (stopped.remove(brokerId)) {
            log.info("Starting broker {} again", brokerId);
            broker.startup();
            await("broker " + brokerId + " running again")
                    .atMost(BROKER_START_TIMEOUT)
                    .until(() -> broker.brokerState() == BrokerState.RUNNING);
        }
    }

    @Override
    public synchronized Set<Integer> stoppedBrokers() {
        return Set.copyOf(stopped);
    }

    @Override
    public void close() {
        try {
            kit.close();
        } catch (Exception e) {
            log.warn("The embedded cluster did not close cleanly", e);
        }
    }
}
