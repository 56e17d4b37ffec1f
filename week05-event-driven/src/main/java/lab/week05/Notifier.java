package lab.week05;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The notification service (given): it consumes many topics and tells the customer what happened to
 * the order. Here the "email" is a line in a list per order; the shape is the same with a real sender.
 */
public final class Notifier {

    private final SagaTopics topics;
    private final Map<String, List<String>> sent = new ConcurrentHashMap<>();

    public Notifier(SagaTopics topics) {
        this.topics = topics;
    }

    /** The topics it listens to: the ones a customer cares about. */
    public List<String> topicsOfInterest() {
        return List.of(topics.orderCreated(), topics.orderShipped(), topics.inventoryRejected(), topics.inventoryReleased());
    }

    public List<ProducerRecord<String, String>> on(ConsumerRecord<String, String> event) {
        var topic = event.topic();
        String text;
        if (topic.equals(topics.orderCreated())) {
            text = "Thank you, we received your order.";
        } else if (topic.equals(topics.orderShipped())) {
            text = "Your order is on its way.";
        } else if (topic.equals(topics.inventoryRejected()) || topic.equals(topics.inventoryReleased())) {
            text = "Sorry, we cancelled your order: " + SagaMessage.of(event.value()).reason() + ".";
        } else {
            return List.of();
        }
        sent.computeIfAbsent(event.key(), order -> new CopyOnWriteArrayList<>()).add(text);
        return List.of();
    }

    public List<String> sentFor(String orderId) {
        return sent.getOrDefault(orderId, List.of());
    }
}
