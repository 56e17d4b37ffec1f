package lab.week01;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

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

    private final KafkaConsumer<String, String> consumer;

    public OrderEventReader(String bootstrapServers, String groupId, String topic) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                // A new group starts at the beginning, so events published before it are read too.
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        consumer.subscribe(List.of(topic));
    }

    /** One poll: the events that arrived within {@code timeout}, possibly none. */
    public List<OrderEvent> poll(Duration timeout) {
        var events = new ArrayList<OrderEvent>();
        for (var record : consumer.poll(timeout)) {
            events.add(OrderEventJson.fromJson(record.value()));
        }
        return events;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
