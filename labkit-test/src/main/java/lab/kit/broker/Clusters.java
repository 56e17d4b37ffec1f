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

    /**
     * A cluster whose brokers can be killed for real, one process or container each: the kit's broker
     * processes on the embedded source, containers on containers; an external cluster cannot serve it.
     */
    public static LabCluster crashableFromSystemProperties(int brokers, int controllers) {
        return switch (BrokerSource.fromSystemProperties()) {
            case EMBEDDED -> ProcessCluster.builder().brokers(brokers).controllers(controllers).start();
            case CONTAINERS -> {
                if (controllers != 1) {
                    throw new ShapeNotServed("This test needs " + controllers + " controllers; the container"
                            + " cluster runs one. Run it on the embedded source (the kit's processes).");
                }
                ContainerCluster.requireDocker();
                yield ContainerNodesCluster.start(brokers);
            }
            case EXTERNAL -> throw new ShapeNotServed("This test kills brokers, which the lab can do only to"
                    + " brokers it started. Run it with -D" + BrokerSource.PROPERTY + "=embedded (processes) or"
                    + " -D" + BrokerSource.PROPERTY + "=containers.");
        };
    }

    public static LabCluster start(BrokerSource source, int brokers, String externalBootstrap) {
        return switch (source) {
            case EMBEDDED -> EmbeddedCluster.start(brokers, Map.of());
            case CONTAINERS -> ContainerCluster.start(brokers);
            case EXTERNAL -> ExternalCluster.connect(externalBootstrap, brokers);
        };
    }
}
