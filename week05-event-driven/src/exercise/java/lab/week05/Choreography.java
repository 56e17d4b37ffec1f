package lab.week05;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Exercise 5.4: the order saga as a choreography. No one is in charge: each service reacts to the
 * events it cares about and publishes its own. Inventory and payment are written here; fulfillment
 * and the order service's status board are given ({@link SagaServices}).
 *
 * <pre>
 * order.created -> inventory: reserve -> inventory.reserved -> payment: charge -> payment.completed
 *                              \-> inventory.rejected              \-> payment.failed -> inventory: release
 *                                                                                         -> inventory.released
 * </pre>
 * When a later step fails, the earlier ones are undone by a compensation: a declined payment makes the
 * inventory release what it reserved. There is no rollback across services; only new events that undo.
 */
public final class Choreography {

    private Choreography() {
    }

    /** Inventory: reserves on order.created, and releases (compensates) on payment.failed. */
    public static List<ProducerRecord<String, String>> inventory(ConsumerRecord<String, String> event, Stock stock,
                                                                 SagaTopics topics) {
        // TODO 5.4: on topics.orderCreated(): stock.reserve(order) -> "inventory.reserved" on inventoryReserved(),
        //           or "inventory.rejected" because "out of stock" on inventoryRejected().
        //           On topics.paymentFailed(): stock.release(orderId) -> "inventory.released" on inventoryReleased(),
        //           keeping the failure's reason. Anything else: no records.
        throw new UnsupportedOperationException("Exercise 5.4 not done yet: see HINTS.md#54");
    }

    /** Payment: charges on inventory.reserved. */
    public static List<ProducerRecord<String, String>> payment(ConsumerRecord<String, String> event,
                                                               PaymentGateway gateway, SagaTopics topics) {
        // TODO 5.4: on topics.inventoryReserved(): gateway.charge(order) -> "payment.completed" on paymentCompleted(),
        //           or "payment.failed" because "payment declined" on paymentFailed(). Anything else: no records.
        throw new UnsupportedOperationException("Exercise 5.4 not done yet: see HINTS.md#54");
    }
}
