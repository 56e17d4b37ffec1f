package lab.week01;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;

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
        // NewTopic carries the layout; configs override the broker's defaults for this topic only.
        var newTopic = new NewTopic(topic, partitions, replicationFactor).configs(configs);
        admin.createTopics(List.of(newTopic)).all().get();
    }

    /** The names of the cluster's topics, without internal ones such as {@code __consumer_offsets}. */
    public Set<String> list() throws ExecutionException, InterruptedException {
        // listTopics() leaves internal topics out unless ListTopicsOptions.listInternal(true) is given.
        return admin.listTopics().names().get();
    }

    /** How many partitions {@code topic} has. */
    public int partitionCount(String topic) throws ExecutionException, InterruptedException {
        var description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        return description.partitions().size();
    }

    /** The value of one topic config, e.g. {@code retention.ms}, whether set on the topic or a default. */
    public String configValue(String topic, String configName) throws ExecutionException, InterruptedException {
        // Topic configs are addressed as a ConfigResource of type TOPIC; the answer holds every config.
        var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        return config.get(configName).value();
    }
}
