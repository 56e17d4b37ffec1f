package lab.kit.broker;

import java.util.Map;

/** Starts (or connects to) a cluster of the requested size from the chosen {@link BrokerSource}. */
public final class Clusters {

    private Clusters() {
    }

    /** A cluster of {@code brokers} brokers from the source named by {@code -Dlab.broker}. */
    public static LabCluster fromSystemProperties(int brokers) {
        return start(BrokerSource.fromSystemProperties(), brokers, System.getProperty(BrokerSource.BOOTSTRAP_PROPERTY));
    }

    public static LabCluster start(BrokerSource source, int brokers, String externalBootstrap) {
        return switch (source) {
            case EMBEDDED -> EmbeddedCluster.start(brokers, Map.of());
            case CONTAINERS -> ContainerCluster.start(brokers);
            case EXTERNAL -> ExternalCluster.connect(externalBootstrap, brokers);
        };
    }
}
