package lab.week05;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Exercise 5.8: turn Debezium's change events of the outbox table into the events themselves, what
 * Debezium's "outbox event router" transformation does in Kafka Connect. A change event describes a
 * row change ({@code op} "c" create, "u" update, "d" delete, "r" snapshot read, with the row
 * {@code before} and {@code after}); consumers want the order event that row carries, keyed by order.
 */
public final class OutboxEventRouter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String topic;

    public OutboxEventRouter(String topic) {
        this.topic = topic;
    }

    /** The event record for an inserted outbox row; empty for any other change (or a tombstone). */
    public Optional<ProducerRecord<String, String>> route(String changeEvent) {
        // TODO 5.8: null (a tombstone): empty. Parse the JSON; an "op" other than "c": empty. From the row in
        //           "after": a record to topic, key aggregate_id, value payload (a JSON string), headers
        //           OutboxHeaders.EVENT_ID (event_id) and EVENT_TYPE (type).
        throw new UnsupportedOperationException("Exercise 5.8 not done yet: see HINTS.md#58");
    }

    private static JsonNode parse(String changeEvent) {
        try {
            return JSON.readTree(changeEvent);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a Debezium change event (JSON expected): " + changeEvent, e);
        }
    }
}
