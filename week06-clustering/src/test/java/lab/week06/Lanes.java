package lab.week06;

/**
 * How the week's test classes share two cores. Classes without a mark run one after the other on the
 * 3-broker cluster of processes (6.3's failover lessons kill its brokers). The others are marked
 * {@code @Execution(CONCURRENT)} and run beside them, taking turns within their group: a group holds a
 * cluster (or a kind of cluster) that only one class at a time may stop nodes of, or load.
 */
final class Lanes {

    /** Three brokers and three controllers, each a process: quorum lessons kill its controllers. */
    static final String QUORUM_CLUSTER = "week06: 3 brokers and 3 controllers";
    /** Classes that start clusters of processes of their own: one at a time, for memory and cores. */
    static final String OWN_CLUSTERS = "week06: clusters of their own";
    /** Classes on brokers in this JVM, whose waits are short and mostly on the clock. */
    static final String EMBEDDED = "week06: embedded brokers";

    private Lanes() {
    }
}
