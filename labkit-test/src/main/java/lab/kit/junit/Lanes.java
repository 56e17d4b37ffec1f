package lab.kit.junit;

/**
 * How a week's test classes share two cores: names for {@code @ResourceLock}. Classes without a mark run
 * one after the other, in the main lane. A class marked {@code @Execution(CONCURRENT)} runs beside them,
 * taking turns with the classes that hold the same lock: a cluster only one class at a time may stop the
 * nodes of, or a kind of work that should not pile up.
 *
 * <pre>{@code
 * @Execution(ExecutionMode.CONCURRENT) // beside the main lane (see Lanes)
 * @ResourceLock(Lanes.QUORUM_CLUSTER)
 * @WithKafka(brokers = 3, processes = true, controllers = 3)
 * class QuorumInspectorTest { ... }
 * }</pre>
 */
public final class Lanes {

    /** The shared cluster of three broker and three controller processes: its classes stop its nodes. */
    public static final String QUORUM_CLUSTER = "the shared cluster of 3 brokers and 3 controllers";
    /** Classes that start clusters of processes of their own: one at a time, for memory and cores. */
    public static final String OWN_CLUSTERS = "clusters of processes a class starts itself";
    /** Classes on brokers in the test JVM, whose waits are short. */
    public static final String EMBEDDED = "embedded brokers";
    /** Classes that mostly wait on a clock: a Prometheus window, a session timeout, a heap filling. */
    public static final String WAITS = "classes that mostly wait on a clock";

    private Lanes() {
    }
}
