package lab.week05;

import java.util.List;

/**
 * The saga's topics. In a deployment the names are exactly these; tests add a suffix so that each test
 * has its own.
 */
public record SagaTopics(String suffix) {

    public String orderCreated() { return "order.created" + suffix; }
    public String inventoryReserved() { return "inventory.reserved" + suffix; }
    public String inventoryRejected() { return "inventory.rejected" + suffix; }
    public String inventoryReleased() { return "inventory.released" + suffix; }
    public String paymentCompleted() { return "payment.completed" + suffix; }
    public String paymentFailed() { return "payment.failed" + suffix; }
    public String orderShipped() { return "order.shipped" + suffix; }
    public String orderCancelled() { return "order.cancelled" + suffix; }
    /** Orchestration: commands to each participant, and the one topic their replies come back on. */
    public String inventoryCommands() { return "inventory.commands" + suffix; }
    public String paymentCommands() { return "payment.commands" + suffix; }
    public String fulfillmentCommands() { return "fulfillment.commands" + suffix; }
    public String sagaReplies() { return "saga.replies" + suffix; }

    public List<String> all() {
        return List.of(orderCreated(), inventoryReserved(), inventoryRejected(), inventoryReleased(), paymentCompleted(),
                paymentFailed(), orderShipped(), orderCancelled(), inventoryCommands(), paymentCommands(),
                fulfillmentCommands(), sagaReplies());
    }
}
