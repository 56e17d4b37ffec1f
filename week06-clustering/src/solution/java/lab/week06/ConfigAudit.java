package lab.week06;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Exercise 6.7: production configuration, checked. Clusters drift: a topic created by hand with one
 * replica "just for a test", a default changed on one broker, an unclean election switched on during an
 * outage and never off again. An audit over the live cluster finds them before an outage does.
 */
public final class ConfigAudit {

    private final Admin admin;

    public ConfigAudit(Admin admin) {
        this.admin = admin;
    }

    /** Every rule of {@link Finding.Rule} that a (non-internal) topic of the cluster breaks. */
    public List<Finding> audit() throws ExecutionException, InterruptedException {
        var names = admin.listTopics().names().get();
        var topics = admin.describeTopics(names).allTopicNames().get();
        var resources = names.stream().map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
        // describeConfigs answers with the value each topic runs with, wherever it was set: on the topic,
        // as the cluster's dynamic default, or in the broker's server.properties.
        var configs = admin.describeConfigs(resources).all().get();
        var findings = new ArrayList<Finding>();
        topics.values().forEach(topic -> check(topic, configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name())), findings));
        return findings;
    }

    private static void check(TopicDescription topic, Config config, List<Finding> findings) {
        var replicas = topic.partitions().stream().mapToInt(partition -> partition.replicas().size()).min().orElse(0);
        var minIsr = Integer.parseInt(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value());
        var unclean = config.get(TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG).value();
        if (replicas < 3) {
            findings.add(new Finding(topic.name(), Finding.Rule.REPLICATION_FACTOR_BELOW_3, String.valueOf(replicas)));
        }
        if (minIsr < 2) {
            findings.add(new Finding(topic.name(), Finding.Rule.MIN_ISR_BELOW_2, String.valueOf(minIsr)));
        }
        if (minIsr >= replicas) {
            findings.add(new Finding(topic.name(), Finding.Rule.MIN_ISR_NOT_BELOW_REPLICATION_FACTOR, String.valueOf(minIsr)));
        }
        if (Boolean.parseBoolean(unclean)) {
            findings.add(new Finding(topic.name(), Finding.Rule.UNCLEAN_ELECTION_ENABLED, unclean));
        }
    }
}
