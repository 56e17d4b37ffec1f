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
        // TODO 5.5: step RESERVING, and a "reserve" command on topics.inventoryCommands(). Started before: nothing.
        throw new UnsupportedOperationException("Exercise 5.5 not done yet: see HINTS.md#55");
    }

    /** The next step after {@code reply}: the commands or events to send, and the saga's new step. */
    public List<ProducerRecord<String, String>> onReply(SagaMessage reply) {
        // TODO 5.5: follow the diagram above. Each reply moves the saga only from the step that waits for it:
        //           reserved -> "charge" (paymentCommands); rejected -> "order.cancelled" (orderCancelled);
        //           charged -> "ship" (fulfillmentCommands); declined -> "release" (inventoryCommands);
        //           released -> "order.cancelled"; shipped -> "order.shipped" (orderShipped). Keep the reply's reason.
        throw new UnsupportedOperationException("Exercise 5.5 not done yet: see HINTS.md#55");
    }

    /** Where the saga of {@code orderId} is, or null if it never started. */
    public Step step(String orderId) {
        // TODO 5.5
        throw new UnsupportedOperationException("Exercise 5.5 not done yet: see HINTS.md#55");
    }
}
