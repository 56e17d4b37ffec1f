package lab.week01;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Exercise 1.2: publish order events to a topic. The order id is the key (so one order's events stay
 * in one partition, in order), the value is the event as JSON, and a header names the event type.
 *
 * <pre>{@code
 * var publisher = new OrderEventPublisher(producer, "orders");
 * publisher.publish(new OrderEvent(EventType.ORDER_CREATED, "o-1", "2 x coffee beans"));
 * }</pre>
 */
public final class OrderEventPublisher {

    private final Producer<String, String> producer;
    private final String topic;

    public OrderEventPublisher(Producer<String, String> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    /** Sends {@code event} and waits until the broker has stored it; returns where it was stored. */
    public RecordMetadata publish(OrderEvent event) throws ExecutionException, InterruptedException {
        var record = new ProducerRecord<>(topic, event.orderId(), OrderEventJson.toJson(event));
        // Header values are bytes: consumers can route on the type without parsing the JSON value.
        record.headers().add(OrderEvent.TYPE_HEADER, event.type().eventName().getBytes(StandardCharsets.UTF_8));
        // send() is asynchronous; get() waits for the broker's acknowledgement (week 3 does it faster).
        return producer.send(record).get();
    }
}
