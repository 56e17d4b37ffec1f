package lab.week05;

import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A message of the order saga, as JSON keyed by order id: an event in the choreography ("order.created"),
 * a command or a reply in the orchestration ("reserve", "reserved"). {@code reason} says why a step
 * failed, or is null.
 */
public record SagaMessage(String type, String orderId, String sku, int quantity, long amountCents, String reason) {

    /** The same order, as a message of another type, e.g. the "inventory.reserved" that follows "order.created". */
    public SagaMessage as(String newType) {
        return new SagaMessage(newType, orderId, sku, quantity, amountCents, null);
    }

    public SagaMessage because(String why) {
        return new SagaMessage(type, orderId, sku, quantity, amountCents, why);
    }

    /** This message as a record on {@code topic}, keyed by order id so every step of one order stays in order. */
    public ProducerRecord<String, String> to(String topic) {
        return new ProducerRecord<>(topic, orderId, Json.write(this));
    }

    public static SagaMessage of(String json) {
        return Json.read(json, SagaMessage.class);
    }
}
