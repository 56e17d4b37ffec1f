package lab.week03;

import java.util.HashMap;
import java.util.Map;

/**
 * The inventory service's stock levels, in memory (a database in a real service). Reserving is
 * idempotent per order: asked again for an order it has answered, it gives the same answer and reserves
 * nothing more, so an order delivered twice (at-least-once) is not reserved twice.
 */
public final class Stock {

    private final Map<String, Integer> available;
    private final Map<String, Reservation> answered = new HashMap<>();

    private Stock(Map<String, Integer> available) {
        this.available = new HashMap<>(available);
    }

    public static Stock of(Map<String, Integer> levels) {
        return new Stock(levels);
    }

    public synchronized Reservation reserve(OrderPlaced order) {
        return answered.computeIfAbsent(order.orderId(), id -> {
            var left = available.getOrDefault(order.sku(), 0);
            if (order.quantity() <= 0) {
                return Reservation.rejected(order, "quantity must be positive, was " + order.quantity());
            }
            if (left < order.quantity()) {
                return Reservation.rejected(order, "out of stock: " + left + " of " + order.sku() + " available");
            }
            available.put(order.sku(), left - order.quantity());
            return Reservation.reserved(order);
        });
    }

    public synchronized int available(String sku) {
        return available.getOrDefault(sku, 0);
    }
}
