package lab.kit.broker;

import java.util.HashMap;
import java.util.Map;

/**
 * The broker settings every lab cluster shares, whatever runs it (in this JVM, a process, a container):
 * a production-like cluster of this Kafka version, with timings short enough for lessons.
 */
public final class LabBrokerConfig {

    private LabBrokerConfig() {
    }

    /** The lab's settings for a cluster of {@code brokers} brokers, as server.properties keys. */
    public static Map<String, String> defaults(int brokers) {
        var internalReplicas = String.valueOf(Math.min(brokers, 3));
        var config = new HashMap<String, String>();
        config.put("unstable.api.versions.enable", "false");
        config.put("unstable.feature.versions.enable", "false");
        // Internal topics must fit the cluster, or groups, transactions and Streams hang on one broker.
        config.put("offsets.topic.replication.factor", internalReplicas);
        config.put("transaction.state.log.replication.factor", internalReplicas);
        config.put("transaction.state.log.min.isr", "1");
        // Fewer internal partitions than production's 50: they are created on first use, and tests wait.
        config.put("offsets.topic.num.partitions", "5");
        config.put("transaction.state.log.num.partitions", "5");
        // Production waits 3 s for more members before the first rebalance; a test knows its members.
        config.put("group.initial.rebalance.delay.ms", "0");
        // The consumer group protocol (KIP-848) moves partitions on heartbeats, 5 s apart by default:
        // a lab rebalance should take a second, not ten.
        config.put("group.consumer.min.heartbeat.interval.ms", "500");
        config.put("group.consumer.heartbeat.interval.ms", "1000");
        // How soon a dead member is noticed is a lesson (7.14); production's floors (6 s classic, 45 s for
        // the consumer protocol) would make it take a minute. Only the floors move: the defaults stay.
        config.put("group.min.session.timeout.ms", "1000");
        config.put("group.consumer.min.session.timeout.ms", "1000");
        // A restarted broker may register again only once its old session expired (9 s by default):
        // shorter sessions let failover lessons restart brokers in seconds. Heartbeats must be faster.
        config.put("broker.heartbeat.interval.ms", "500");
        config.put("broker.session.timeout.ms", "2500");
        // The log cleaner looks for compactable logs every 15 s by default: a lesson on compaction (8.8)
        // should see it work within a second.
        config.put("log.cleaner.backoff.ms", "500");
        // Retention is checked every 5 minutes by default: a lesson on retention should see it within a second.
        config.put("log.retention.check.interval.ms", "1000");
        // ... starting a second after the broker, not the 30 s Kafka waits before its first log tasks.
        config.put("log.initial.task.delay.ms", "1000");
        // Like a well-run production cluster: topics are created on purpose, not by a typo in a producer.
        config.put("auto.create.topics.enable", "false");
        return config;
    }
}
