package lab.week03;

/**
 * The inventory service's answer to an order: the event it publishes on the reservations topic,
 * keyed by order id.
 *
 * @param reason empty when reserved; why not otherwise
 */
public record Reservation(String orderId, String sku, int quantity, Status status, String reason) {

    public enum Status { RESERVED, REJECTED }

    public static Reservation reserved(OrderPlaced order) {
        return new Reservation(order.orderId(), order.sku(), order.quantity(), Status.RESERVED, "");
    }

    public static Reservation rejected(OrderPlaced order, String reason) {
        return new Reservation(order.orderId(), order.sku(), order.quantity(), Status.REJECTED, reason);
    }
}
