package lab.week01;

import java.time.Duration;
import java.util.List;

/**
 * Exercise 1.3: read order events back as a member of a consumer group. A new group has no committed
 * offsets yet, so where it starts is up to {@code auto.offset.reset}: the default, "latest", would skip
 * every event published before the reader started.
 *
 * <pre>{@code
 * try (var reader = new OrderEventReader("localhost:9092", "analytics", "orders")) {
 *     List<OrderEvent> events = reader.poll(Duration.ofMillis(500));
 * }
 * }</pre>
 */
public final class OrderEventReader implements AutoCloseable {

    public OrderEventReader(String bootstrapServers, String groupId, String topic) {
        // TODO 1.3: create a KafkaConsumer<String, String> (bootstrap servers, group id, String
        //           deserializers, and where a new group starts), keep it in a field, subscribe to topic.
    }

    /** One poll: the events that arrived within {@code timeout}, possibly none. */
    public List<OrderEvent> poll(Duration timeout) {
        // TODO 1.3: poll the consumer and turn each record's value into an OrderEvent (OrderEventJson).
        throw new UnsupportedOperationException("Exercise 1.3 not done yet: see HINTS.md#13");
    }

    @Override
    public void close() {
        // TODO 1.3: close the consumer (it leaves the group at once instead of after a timeout).
    }
}
