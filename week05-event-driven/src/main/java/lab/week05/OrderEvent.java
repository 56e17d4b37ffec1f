package lab.week05;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What happened to an order, in the past tense: the facts an event-sourced order is made of. On the
 * topic as JSON with a {@code type} field, e.g. {@code {"type":"OrderPaid","orderId":"o-1","amountCents":2500}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = OrderEvent.Placed.class, name = "OrderPlaced"),
        @JsonSubTypes.Type(value = OrderEvent.Paid.class, name = "OrderPaid"),
        @JsonSubTypes.Type(value = OrderEvent.Shipped.class, name = "OrderShipped"),
        @JsonSubTypes.Type(value = OrderEvent.Cancelled.class, name = "OrderCancelled")})
public sealed interface OrderEvent {

    String orderId();

    record Placed(String orderId, String customer, String sku, int quantity, long amountCents) implements OrderEvent {
    }

    record Paid(String orderId, long amountCents) implements OrderEvent {
    }

    record Shipped(String orderId, String trackingId) implements OrderEvent {
    }

    record Cancelled(String orderId, String reason) implements OrderEvent {
    }
}
