package lab.week03;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@link Reservation} as JSON text, the record value of the reservations topic. */
public final class ReservationJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReservationJson() {
    }

    public static String toJson(Reservation reservation) {
        try {
            return MAPPER.writeValueAsString(reservation);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + reservation + " as JSON", e);
        }
    }

    public static Reservation fromJson(String json) {
        try {
            return MAPPER.readValue(json, Reservation.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a Reservation event: '" + json + "'", e);
        }
    }
}
