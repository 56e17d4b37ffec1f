package lab.week05;

/**
 * An order's current state, as folded from its events. {@code version} counts the events folded in:
 * 0 for an order that does not exist yet.
 */
public record Order(String orderId, Status status, String customer, String sku, int quantity, long amountCents,
                    int version) {

    public enum Status { NONE, PLACED, PAID, SHIPPED, CANCELLED }

    /** The state before the first event: the order does not exist yet. */
    public static Order none(String orderId) {
        return new Order(orderId, Status.NONE, null, null, 0, 0, 0);
    }
}
