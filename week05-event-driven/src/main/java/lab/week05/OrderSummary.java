package lab.week05;

/** One row of the query side's read model: what a "my orders" page shows. */
public record OrderSummary(String orderId, String customer, String sku, Order.Status status, long amountCents) {

    public OrderSummary withStatus(Order.Status newStatus) {
        return new OrderSummary(orderId, customer, sku, newStatus, amountCents);
    }
}
