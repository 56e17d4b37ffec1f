package lab.week01;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;

/**
 * Exercise 1.1: manage topics with the Admin API, the way services and platform tools do (the
 * {@code kafka-topics} command is a thin layer over the same calls).
 *
 * <p>Every Admin call is asynchronous: it returns futures, and {@code .get()} waits for the broker's
 * answer (or throws an {@link ExecutionException} carrying the broker's error).
 */
public final class TopicAdmin {

    private final Admin admin;

    public TopicAdmin(Admin admin) {
        this.admin = admin;
    }

    /** Creates {@code topic} with the given partitions, replication factor and topic configs. */
    public void create(String topic, int partitions, short replicationFactor, Map<String, String> configs)
            throws ExecutionException, InterruptedException {
        // TODO 1.1: create the topic with admin.createTopics(...) and wait for the result.
        throw new UnsupportedOperationException("Exercise 1.1 not done yet: see HINTS.md#11");
    }

    /** The names of the cluster's topics, without internal ones such as {@code __consumer_offsets}. */
    public Set<String> list() throws ExecutionException, InterruptedException {
        // TODO 1.1: list the topic names.
        throw new UnsupportedOperationException("Exercise 1.1 not done yet: see HINTS.md#11");
    }

    /** How many partitions {@code topic} has. */
    public int partitionCount(String topic) throws ExecutionException, InterruptedException {
        // TODO 1.1: describe the topic and count its partitions.
        throw new UnsupportedOperationException("Exercise 1.1 not done yet: see HINTS.md#11");
    }

    /** The value of one topic config, e.g. {@code retention.ms}, whether set on the topic or a default. */
    public String configValue(String topic, String configName) throws ExecutionException, InterruptedException {
        // TODO 1.1: describe the topic's configs and return the value of configName.
        throw new UnsupportedOperationException("Exercise 1.1 not done yet: see HINTS.md#11");
    }
}
