package lab.week08;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.server.policy.CreateTopicPolicy;

/**
 * Exercise 8.7: topics are made on purpose, by the shop's rules, and the cluster itself says no to the
 * rest. The broker loads this class ({@code create.topic.policy.class.name}) and asks it about every topic
 * anyone tries to create. The shop's rules:
 *
 * <ol>
 *   <li>a name starts with {@code shop.}, then lower-case words of letters and digits, joined by dots or
 *       dashes ({@code shop.orders}, {@code shop.orders-eu.v2});</li>
 *   <li>1 to 60 partitions;</li>
 *   <li>at least {@code shop.policy.min.replication.factor} replicas per partition: a setting in the
 *       broker's configuration, which the broker hands to {@link #configure}; 3 when it is not set;</li>
 *   <li>a topic that deletes old data (the default cleanup policy) says how long it keeps it:
 *       {@code retention.ms} set, from 1 hour to 30 days. A topic that only compacts keeps its latest
 *       values as long as it lives.</li>
 * </ol>
 *
 * A topic that breaks a rule is refused with a {@link PolicyViolationException} whose message names the
 * rule, the offending value and what to do instead: that message is what the person creating the topic
 * reads.
 */
public final class ShopTopicPolicy implements CreateTopicPolicy {

    private static final Pattern NAME = Pattern.compile("shop\\.[a-z0-9]+([.-][a-z0-9]+)*");
    private static final int MAX_PARTITIONS = 60;
    private static final long MIN_RETENTION_MS = Duration.ofHours(1).toMillis();
    private static final long MAX_RETENTION_MS = Duration.ofDays(30).toMillis();

    private int minReplicationFactor = 3;

    @Override
    public void configure(Map<String, ?> brokerConfig) {
        // The broker hands over its whole configuration, our own setting included, as it was written.
        var configured = brokerConfig.get("shop.policy.min.replication.factor");
        if (configured != null) {
            minReplicationFactor = Integer.parseInt(configured.toString().trim());
        }
    }

    @Override
    public void validate(RequestMetadata request) throws PolicyViolationException {
        var topic = request.topic();
        if (!NAME.matcher(topic).matches()) {
            refuse("'" + topic + "' is not a shop topic name: start with 'shop.', then lower-case words of letters and"
                    + " digits joined by dots or dashes, e.g. shop.orders-eu");
        }
        // A request gives either counts, or an explicit assignment of replicas to brokers.
        var assigned = request.replicasAssignments();
        var partitions = request.numPartitions() != null ? request.numPartitions() : assigned.size();
        if (partitions < 1 || partitions > MAX_PARTITIONS) {
            refuse(topic + ": " + partitions + " partitions; the shop allows 1 to " + MAX_PARTITIONS
                    + " (more is a conversation with the platform team, not a request)");
        }
        var replicas = request.replicationFactor() != null ? request.replicationFactor()
                : assigned.values().stream().mapToInt(java.util.List::size).min().orElse(0);
        if (replicas < minReplicationFactor) {
            refuse(topic + ": replication factor " + replicas + "; the shop needs at least " + minReplicationFactor
                    + " copies of every partition");
        }
        var cleanup = request.configs().getOrDefault(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
        if (cleanup.contains(TopicConfig.CLEANUP_POLICY_DELETE)) {
            checkRetention(topic, request.configs().get(TopicConfig.RETENTION_MS_CONFIG));
        }
    }

    /** A deleting topic keeps its data for a stated time, within the shop's bounds. */
    private static void checkRetention(String topic, String retention) {
        if (retention == null) {
            refuse(topic + ": deletes old data but does not say when: set retention.ms (1 hour to 30 days)");
        }
        var millis = Long.parseLong(retention.trim());
        if (millis < MIN_RETENTION_MS || millis > MAX_RETENTION_MS) {
            refuse(topic + ": retention.ms " + millis + " is outside the shop's 1 hour to 30 days (" + MIN_RETENTION_MS
                    + " to " + MAX_RETENTION_MS + "); -1, keep forever, is for compacted topics only");
        }
    }

    private static void refuse(String why) {
        throw new PolicyViolationException(why);
    }

    @Override
    public void close() {
    }
}
