package lab.week05;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The saga's given parts: fulfillment in the choreography, the order service's status board, and the
 * participants that answer the orchestrator's commands. 5.4 and 5.5 write the rest.
 */
public final class SagaServices {

    private SagaServices() {
    }

    /** Choreography: fulfillment ships what was paid for. */
    public static List<ProducerRecord<String, String>> fulfillment(ConsumerRecord<String, String> event,
                                                                   SagaTopics topics) {
        if (!event.topic().equals(topics.paymentCompleted())) {
            return List.of();
        }
        return List.of(SagaMessage.of(event.value()).as("order.shipped").to(topics.orderShipped()));
    }

    /** The order service's view of each order, from whichever events end a saga. */
    public static final class StatusBoard {
        private final Map<String, String> statuses = new ConcurrentHashMap<>();

        public List<ProducerRecord<String, String>> on(ConsumerRecord<String, String> event) {
            var message = SagaMessage.of(event.value());
            switch (message.type()) {
                case "order.shipped" -> statuses.put(message.orderId(), "SHIPPED");
                case "inventory.rejected", "inventory.released", "order.cancelled" ->
                        statuses.put(message.orderId(), "CANCELLED: " + message.reason());
                default -> statuses.putIfAbsent(message.orderId(), "IN PROGRESS");
            }
            return List.of();
        }

        public String status(String orderId) {
            return statuses.getOrDefault(orderId, "UNKNOWN");
        }
    }

    /** Orchestration: inventory answers "reserve" and "release" commands on the replies topic. */
    public static List<ProducerRecord<String, String>> inventoryCommands(ConsumerRecord<String, String> command,
                                                                         Stock stock, SagaTopics topics) {
        var order = SagaMessage.of(command.value());
        return switch (order.type()) {
            case "reserve" -> List.of(stock.reserve(order) ? order.as("reserved").to(topics.sagaReplies())
                    : order.as("rejected").because("out of stock").to(topics.sagaReplies()));
            case "release" -> {
                stock.release(order.orderId());
                yield List.of(order.as("released").because(order.reason()).to(topics.sagaReplies()));
            }
            default -> List.of();
        };
    }

    /** Orchestration: payment answers "charge". */
    public static List<ProducerRecord<String, String>> paymentCommands(ConsumerRecord<String, String> command,
                                                                       PaymentGateway gateway, SagaTopics topics) {
        var order = SagaMessage.of(command.value());
        if (!order.type().equals("charge")) {
            return List.of();
        }
        return List.of(gateway.charge(order) ? order.as("charged").to(topics.sagaReplies())
                : order.as("declined").because("payment declined").to(topics.sagaReplies()));
    }

    /** Orchestration: fulfillment answers "ship". */
    public static List<ProducerRecord<String, String>> fulfillmentCommands(ConsumerRecord<String, String> command,
                                                                           SagaTopics topics) {
        var order = SagaMessage.of(command.value());
        return order.type().equals("ship") ? List.of(order.as("shipped").to(topics.sagaReplies())) : List.of();
    }
}
