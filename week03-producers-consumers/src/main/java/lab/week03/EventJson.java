package lab.week03;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The week's events (records such as {@link OrderPlaced} and {@link Reservation}) as JSON text, the record values. */
public final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventJson() {
    }

    public static String toJson(Object event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + event + " as JSON", e);
        }
    }

    /** @throws IllegalArgumentException when {@code json} is not a {@code type} event */
    public static <T> T fromJson(String json, Class<T> type) {
        if (json == null) {
            throw new IllegalArgumentException("Not a valid " + type.getSimpleName() + " event: no value (a tombstone?)");
        }
        try {
            var event = MAPPER.readValue(json, type);
            if (event == null) { // the JSON text "null"
                throw new IllegalArgumentException("Not a valid " + type.getSimpleName() + " event: '" + json + "'");
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a valid " + type.getSimpleName() + " event: '" + json + "'", e);
        }
    }
}
