package lab.week08;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Exercise 8.8: shop.customers holds each customer's profile, keyed by customer id. Nobody needs last
 * year's address, only the latest: a compacted topic keeps the latest record of each key and lets the log
 * cleaner drop the ones it replaced. A customer who asks to be forgotten is removed with a tombstone, a
 * record with the key and no value. Readers must see the tombstone to drop the customer from their own
 * copies, so the broker keeps it for a while, then removes the key altogether.
 */
public final class CustomerProfiles {

    private CustomerProfiles() {
    }

    /**
     * Topic configs for shop.customers: the latest profile per customer, the rest cleaned away; segments
     * closed after {@code rollAfter} so the cleaner gets to them (only a closed segment is cleaned); a
     * tombstone kept {@code keepDeletesFor}. In the lab the cleaner should not wait for much data to pile
     * up before it cleans.
     */
    public static Map<String, String> topicConfigs(Duration rollAfter, Duration keepDeletesFor) {
        return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                // The active segment is never cleaned: close it soon, even when customers change slowly.
                TopicConfig.SEGMENT_MS_CONFIG, Long.toString(rollAfter.toMillis()),
                // Clean when 1% of the log is replaced records, not the default half.
                TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.01",
                // How long readers have to see a tombstone before the key disappears altogether.
                TopicConfig.DELETE_RETENTION_MS_CONFIG, Long.toString(keepDeletesFor.toMillis()));
    }

    /** The record that removes {@code customerId} from {@code topic}: no history, no profile. */
    public static ProducerRecord<String, String> forget(String topic, String customerId) {
        // A null value is a tombstone; an empty string would be a profile like any other.
        return new ProducerRecord<>(topic, customerId, null);
    }

    /** What a reader holds after reading {@code records} in order: each customer's latest profile. */
    public static Map<String, String> latest(List<ConsumerRecord<String, String>> records) {
        var profiles = new HashMap<String, String>();
        for (var record : records) {
            if (record.value() == null) {
                profiles.remove(record.key()); // a tombstone: the customer is gone
            } else {
                profiles.put(record.key(), record.value());
            }
        }
        return profiles;
    }
}
