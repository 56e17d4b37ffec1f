package lab.kit.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.Set;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * One broker from the official {@code apache/kafka} image, of the same Kafka version as the rest of the
 * lab, started by Testcontainers' Kafka module (as a service's own integration test would). Needs a
 * running Docker engine (or Podman's Docker API: docker/engine/start).
 */
public final class ContainerCluster implements LabCluster {

    private final KafkaContainer container;

    private ContainerCluster(KafkaContainer container) {
        this.container = container;
    }

    /** One broker from Testcontainers' Kafka module; more become a {@link ContainerNodesCluster}. */
    public static LabCluster start(int brokers) {
        requireDocker();
        if (brokers != 1) {
            return ContainerNodesCluster.start(brokers);
        }
        var container = new KafkaContainer(image());
        LabBrokerConfig.defaults(1).forEach((key, value) -> container.withEnv(KafkaNodeContainer.envName(key), value));
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw new LabSetupException("The Kafka container (" + image() + ") did not start: " + e.getMessage()
                    + "\nCan Docker pull the image (docker pull " + image() + ")? Or use:\n"
                    + BrokerSource.CONTAINERS.alternatives(), e);
        }
        return new ContainerCluster(container);
    }

    /** {@code -Dlab.kafka.image=...} runs another image of the same contract (a mirror, a newer build). */
    public static final String IMAGE_PROPERTY = "lab.kafka.image";

    /** The apache/kafka image tag that matches the Kafka version the lab is built with, unless overridden. */
    public static DockerImageName image() {
        var image = System.getProperty(IMAGE_PROPERTY, "apache/kafka:" + kafkaVersion());
        return DockerImageName.parse(image).asCompatibleSubstituteFor("apache/kafka");
    }

    public static String kafkaVersion() {
        try (InputStream in = ContainerCluster.class.getResourceAsStream("/lab-kit.properties")) {
            var properties = new Properties();
            properties.load(in);
            return properties.getProperty("kafka.version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void requireDocker() {
        boolean available;
        try {
            available = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            available = false;
        }
        if (!available) {
            throw new LabSetupException("-D" + BrokerSource.PROPERTY + "=containers needs a running Docker engine,"
                    + " and Testcontainers found none. Start Docker (docker info should answer), or use:\n"
                    + BrokerSource.CONTAINERS.alternatives());
        }
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public Set<Integer> brokerIds() {
        return Set.of(1);
    }

    @Override
    public String describe() {
        return "containers, 1 broker (" + image() + ")";
    }

    @Override
    public void close() {
        container.stop();
    }
}
