package lab.week01;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns order events into JSON text and back: the record value of this week's topics.
 *
 * <pre>{@code
 * {"type":"ORDER_CREATED","orderId":"o-1","detail":"2 x coffee beans"}
 * }</pre>
 */
public final class OrderEventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OrderEventJson() {
    }

    public static String toJson(OrderEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + event + " as JSON", e);
        }
    }

    /** @throws IllegalArgumentException when {@code json} is not an order event, saying what it was */
    public static OrderEvent fromJson(String json) {
        try {
            return MAPPER.readValue(json, OrderEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not an order event: '" + json + "' (" + e.getOriginalMessage() + ")", e);
        }
    }
}
