package lab.week03;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@link OrderPlaced} as JSON text, the record value of this week's order topics. */
public final class OrderPlacedJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OrderPlacedJson() {
    }

    public static String toJson(OrderPlaced order) {
        try {
            return MAPPER.writeValueAsString(order);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + order + " as JSON", e);
        }
    }

    public static OrderPlaced fromJson(String json) {
        try {
            return MAPPER.readValue(json, OrderPlaced.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not an OrderPlaced event: '" + json + "'", e);
        }
    }
}
