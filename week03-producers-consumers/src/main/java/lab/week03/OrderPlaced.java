package lab.week03;

/** An order placed in the shop: the event the order service publishes and inventory consumes. */
public record OrderPlaced(String orderId, String sku, int quantity) {
}
