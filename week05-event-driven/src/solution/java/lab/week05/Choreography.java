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
        var order = SagaMessage.of(event.value());
        if (event.topic().equals(topics.orderCreated())) {
            return stock.reserve(order)
                    ? List.of(order.as("inventory.reserved").to(topics.inventoryReserved()))
                    : List.of(order.as("inventory.rejected").because("out of stock").to(topics.inventoryRejected()));
        }
        if (event.topic().equals(topics.paymentFailed())) {
            // The compensation: undo this service's own step, and say so for whoever tracks the order.
            stock.release(order.orderId());
            return List.of(order.as("inventory.released").because(order.reason()).to(topics.inventoryReleased()));
        }
        return List.of();
    }

    /** Payment: charges on inventory.reserved. */
    public static List<ProducerRecord<String, String>> payment(ConsumerRecord<String, String> event,
                                                               PaymentGateway gateway, SagaTopics topics) {
        if (!event.topic().equals(topics.inventoryReserved())) {
            return List.of();
        }
        var order = SagaMessage.of(event.value());
        return gateway.charge(order)
                ? List.of(order.as("payment.completed").to(topics.paymentCompleted()))
                : List.of(order.as("payment.failed").because("payment declined").to(topics.paymentFailed()));
    }
}
