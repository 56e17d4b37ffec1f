package lab.week05;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Exercise 5.5: the order saga as an orchestration. One orchestrator knows the whole flow: it sends a
 * command to one participant at a time and decides the next step from the reply.
 *
 * <pre>
 * RESERVING --reserved--> CHARGING --charged--> SHIPPING --shipped--> DONE (order.shipped)
 *     |                       |
 *  rejected               declined
 *     v                       v
 * CANCELLED <--released-- COMPENSATING (release command)
 * (order.cancelled)
 * </pre>
 * A reply that does not fit the saga's step (a redelivery, or one that arrives twice) changes nothing.
 * The saga state lives in memory here; a production orchestrator keeps it durable (a table, or a
 * compacted topic keyed by order id) so a restart can pick its sagas up.
 */
public final class OrderSagaOrchestrator {

    public enum Step { RESERVING, CHARGING, SHIPPING, COMPENSATING, DONE, CANCELLED }

    private final SagaTopics topics;
    private final Map<String, Step> steps = new ConcurrentHashMap<>();

    public OrderSagaOrchestrator(SagaTopics topics) {
        this.topics = topics;
    }

    /** Starts the saga of a new order: the first command. An order already started is not started again. */
    public List<ProducerRecord<String, String>> start(SagaMessage order) {
        if (steps.putIfAbsent(order.orderId(), Step.RESERVING) != null) {
            return List.of();
        }
        return List.of(order.as("reserve").to(topics.inventoryCommands()));
    }

    /** The next step after {@code reply}: the commands or events to send, and the saga's new step. */
    public List<ProducerRecord<String, String>> onReply(SagaMessage reply) {
        var step = steps.get(reply.orderId());
        var next = step == null ? null : switch (reply.type()) {
            case "reserved" -> transition(reply, step, Step.RESERVING, Step.CHARGING, "charge", topics.paymentCommands());
            case "rejected" -> transition(reply, step, Step.RESERVING, Step.CANCELLED, "order.cancelled",
                    topics.orderCancelled());
            case "charged" -> transition(reply, step, Step.CHARGING, Step.SHIPPING, "ship", topics.fulfillmentCommands());
            // The compensation: payment failed after the stock was reserved, so undo the reservation.
            case "declined" -> transition(reply, step, Step.CHARGING, Step.COMPENSATING, "release",
                    topics.inventoryCommands());
            case "released" -> transition(reply, step, Step.COMPENSATING, Step.CANCELLED, "order.cancelled",
                    topics.orderCancelled());
            case "shipped" -> transition(reply, step, Step.SHIPPING, Step.DONE, "order.shipped", topics.orderShipped());
            default -> null;
        };
        return next == null ? List.of() : List.of(next);
    }

    /** Where the saga of {@code orderId} is, or null if it never started. */
    public Step step(String orderId) {
        return steps.get(orderId);
    }

    private ProducerRecord<String, String> transition(SagaMessage reply, Step current, Step expected, Step next,
                                                      String sendType, String topic) {
        // Only a reply the saga is waiting for moves it on; anything else is a duplicate or out of date.
        if (current != expected || !steps.replace(reply.orderId(), expected, next)) {
            return null;
        }
        return reply.as(sendType).because(reply.reason()).to(topic);
    }
}
