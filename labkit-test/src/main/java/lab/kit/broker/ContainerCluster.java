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
 * lab, started by Testcontainers. Needs a running Docker engine.
 */
public final class ContainerCluster implements LabCluster {

    private final KafkaContainer container;

    private ContainerCluster(KafkaContainer container) {
        this.container = container;
    }

    public static ContainerCluster start(int brokers) {
        if (brokers != 1) {
            throw new ShapeNotServed("-D" + BrokerSource.PROPERTY + "=containers runs a single broker; this"
                    + " test needs " + brokers + ". Use -D" + BrokerSource.PROPERTY + "=embedded (the default),"
                    + " or start docker/cluster and use -D" + BrokerSource.PROPERTY + "=external.");
        }
        requireDocker();
        var container = new KafkaContainer(image())
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
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

    /** The apache/kafka image tag that matches the Kafka version the lab is built with. */
    public static DockerImageName image() {
        return DockerImageName.parse("apache/kafka:" + kafkaVersion());
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

    private static void requireDocker() {
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
