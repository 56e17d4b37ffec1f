package lab.week05;

/** What someone asks of an order, in the imperative. A command may be refused; an event cannot be. */
public sealed interface OrderCommand {

    String orderId();

    record Place(String orderId, String customer, String sku, int quantity, long amountCents) implements OrderCommand {
    }

    record Pay(String orderId, long amountCents) implements OrderCommand {
    }

    record Ship(String orderId, String trackingId) implements OrderCommand {
    }

    record Cancel(String orderId, String reason) implements OrderCommand {
    }
}
