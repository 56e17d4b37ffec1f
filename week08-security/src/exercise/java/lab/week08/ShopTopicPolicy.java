package lab.week08;

import java.util.Map;

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

    @Override
    public void configure(Map<String, ?> brokerConfig) {
        // TODO 8.7: read the minimum replication factor from the broker's configuration.
    }

    @Override
    public void validate(RequestMetadata request) throws PolicyViolationException {
        // TODO 8.7: refuse a topic that breaks one of the shop's rules, saying which and why.
        throw new UnsupportedOperationException("Exercise 8.7 not done yet: see HINTS.md#87");
    }

    @Override
    public void close() {
    }
}
