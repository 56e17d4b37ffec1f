package lab.week05;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Exercise 5.9: the analytics service consumes everything the shop publishes. It subscribes by
 * pattern, not by a list, so a topic another team adds tomorrow is picked up without a redeploy (at the
 * consumer's next metadata refresh, {@code metadata.max.age.ms}). It counts the events of each topic and
 * the revenue of completed payments, and, like any at-least-once consumer, counts a redelivery once.
 */
public final class ShopAnalytics {

    private final SagaTopics topics;
    private final Map<String, AtomicLong> eventsByTopic = new ConcurrentHashMap<>();
    private final AtomicLong revenueCents = new AtomicLong();
    private final Map<TopicPartition, Long> seenUpTo = new ConcurrentHashMap<>();

    public ShopAnalytics(SagaTopics topics) {
        this.topics = topics;
    }

    /** Every shop topic, today's and future ones: the names that end with the shop's suffix. */
    public Pattern subscription() {
        // quote(): the suffix is literal text, its dots are not "any character".
        return Pattern.compile("[a-z][a-z.]*" + Pattern.quote(topics.suffix()));
    }

    public void on(ConsumerRecord<String, String> event) {
        var partition = new TopicPartition(event.topic(), event.partition());
        if (event.offset() <= seenUpTo.getOrDefault(partition, -1L)) {
            return; // redelivered after a rebalance or restart: already counted
        }
        seenUpTo.put(partition, event.offset());
        eventsByTopic.computeIfAbsent(event.topic(), topic -> new AtomicLong()).incrementAndGet();
        if (event.topic().equals(topics.paymentCompleted())) {
            revenueCents.addAndGet(SagaMessage.of(event.value()).amountCents());
        }
    }

    public long count(String topic) {
        var count = eventsByTopic.get(topic);
        return count == null ? 0 : count.get();
    }

    public long revenueCents() {
        return revenueCents.get();
    }
}
