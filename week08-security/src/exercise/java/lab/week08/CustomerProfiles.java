package lab.week08;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

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
        // TODO 8.8: a compacted topic, and when the cleaner may clean and drop tombstones.
        throw new UnsupportedOperationException("Exercise 8.8 not done yet: see HINTS.md#88");
    }

    /** The record that removes {@code customerId} from {@code topic}: no history, no profile. */
    public static ProducerRecord<String, String> forget(String topic, String customerId) {
        // TODO 8.8: the record that deletes a key.
        throw new UnsupportedOperationException("Exercise 8.8 not done yet: see HINTS.md#88");
    }

    /** What a reader holds after reading {@code records} in order: each customer's latest profile. */
    public static Map<String, String> latest(List<ConsumerRecord<String, String>> records) {
        // TODO 8.8: the latest value per key, and no entry for a forgotten customer.
        throw new UnsupportedOperationException("Exercise 8.8 not done yet: see HINTS.md#88");
    }
}
