package lab.week01;

/**
 * Something that happened to an order. All events of one order share its {@code orderId}, which is
 * why the order id is the record key: Kafka keeps records of one key in one partition, in order.
 *
 * <pre>{@code
 * var created = new OrderEvent(EventType.ORDER_CREATED, "o-1", "2 x coffee beans");
 * }</pre>
 */
public record OrderEvent(EventType type, String orderId, String detail) {

    /** The record header that carries the event type, so a consumer can route without parsing the value. */
    public static final String TYPE_HEADER = "event-type";
}
