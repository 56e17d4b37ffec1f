package lab.week07;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The order-status service, as its own process: it reads every order and keeps it in an {@link OrderCache}
 * to answer customers' questions. {@code main(bootstrap, topic, group, cache)}, where cache is {@code all}
 * (the shipped {@link AllOrders}) or {@code recent} (your {@link RecentOrders} of 5,000 orders). It runs
 * until it is stopped. An order's id is where it is stored: partition and offset.
 */
public final class OrderStatusService {

    static final int RECENT_CAPACITY = 5_000;

    private OrderStatusService() {
    }

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("Usage: OrderStatusService <bootstrap> <topic> <group> all|recent");
            System.exit(2);
        }
        OrderCache cache = switch (args[3]) {
            case "all" -> new AllOrders();
            case "recent" -> new RecentOrders(RECENT_CAPACITY);
            default -> throw new IllegalArgumentException("the cache is all or recent, not " + args[3]);
        };
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0],
                ConsumerConfig.GROUP_ID_CONFIG, args[2], ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(args[1]));
            while (true) {
                for (var record : consumer.poll(Duration.ofMillis(100))) {
                    cache.remember(record.partition() + "-" + record.offset(), record.value());
                }
            }
        }
    }
}
