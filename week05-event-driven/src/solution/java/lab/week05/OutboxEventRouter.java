package lab.week05;

import java.nio.charset.StandardCharsets;
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
        if (changeEvent == null) {
            return Optional.empty(); // a tombstone after a delete: nothing to publish
        }
        var change = parse(changeEvent);
        // Only inserts are events. Updates (the polling publisher's published_at) and deletes (outbox
        // clean-up) change the table, not the story.
        if (!"c".equals(change.path("op").asText())) {
            return Optional.empty();
        }
        var row = change.path("after");
        var record = new ProducerRecord<>(topic, row.path("aggregate_id").asText(), row.path("payload").asText());
        record.headers().add(OutboxHeaders.EVENT_ID, row.path("event_id").asText().getBytes(StandardCharsets.UTF_8));
        record.headers().add(OutboxHeaders.EVENT_TYPE, row.path("type").asText().getBytes(StandardCharsets.UTF_8));
        return Optional.of(record);
    }

    private static JsonNode parse(String changeEvent) {
        try {
            return JSON.readTree(changeEvent);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a Debezium change event (JSON expected): " + changeEvent, e);
        }
    }
}
