package lab.kit.broker;

import java.util.Set;

/**
 * A running Kafka cluster the lab can use, whatever its source. Tests receive one through
 * {@link lab.kit.junit.KafkaLab#cluster()}. The embedded and container sources can stop and start
 * brokers; containers (and the kit's broker processes) can also kill them.
 */
public interface LabCluster extends AutoCloseable {

    /** The {@code bootstrap.servers} value for clients. */
    String bootstrapServers();

    /** The ids of all brokers, running or stopped. */
    Set<Integer> brokerIds();

    /** A one-line description for logs and error messages, e.g. "embedded, 3 brokers". */
    String describe();

    /** Stops one broker (a controlled shutdown: it hands its partition leadership over first). */
    default void stopBroker(int brokerId) {
        throw new ShapeNotServed("A " + describe() + " cluster cannot stop brokers from a test."
                + " Run this test on the embedded source (-D" + BrokerSource.PROPERTY + "=embedded),"
                + " or stop the broker yourself (e.g. docker stop <broker container>).");
    }

    /**
     * Kills one broker at once, as {@code kill -9} or a power cut would: no controlled shutdown, so its
     * leadership moves only when the controller notices the missed heartbeats.
     */
    default void killBroker(int brokerId) {
        throw new ShapeNotServed("A " + describe() + " cluster cannot kill a broker: that needs brokers as"
                + " processes or containers. Run this test with -D" + BrokerSource.PROPERTY + "=containers,"
                + " or on the kit's broker processes.");
    }

    /** Starts a broker stopped by {@link #stopBroker(int)} or {@link #killBroker(int)} again and waits until it is registered. */
    default void startBroker(int brokerId) {
        throw new LabSetupException(describe() + " cannot start brokers from a test.");
    }

    /** Starts several stopped brokers again; a cluster of processes starts them side by side, then waits for all. */
    default void startBrokers(Set<Integer> brokerIds) {
        brokerIds.forEach(this::startBroker);
    }

    /** The brokers that {@link #stopBroker(int)} stopped and that have not been started again. */
    default Set<Integer> stoppedBrokers() {
        return Set.of();
    }

    @Override
    void close();
}
