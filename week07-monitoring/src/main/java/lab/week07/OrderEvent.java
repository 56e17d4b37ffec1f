package lab.week07;

/**
 * One step of an order's life as the order service publishes it: created, paid, packed, shipped,
 * delivered. The steps of one order must be read in the order they happened ({@code step} 1, 2, ...);
 * orders of different customers, or of the same customer, have no order among them.
 */
public record OrderEvent(String orderId, String customerId, String type, int step) {
}
