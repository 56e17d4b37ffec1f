package lab.week05;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The inventory's stock (given). Idempotent per order, because sagas run on at-least-once delivery: a
 * second "reserve" for the same order, or a second "release", changes nothing; nor does a "reserve"
 * redelivered after its reservation was released (that saga is over).
 */
public final class Stock {

    private final Map<String, Integer> available = new HashMap<>();
    private final Map<String, SagaMessage> reservations = new HashMap<>();
    private final Set<String> released = new HashSet<>();

    public Stock(Map<String, Integer> initial) {
        available.putAll(initial);
    }

    /**
     * Reserves the order's quantity; false if there is not enough (nothing is reserved then). True, and
     * nothing changes, for an order that already has its reservation or had it released.
     */
    public synchronized boolean reserve(SagaMessage order) {
        if (reservations.containsKey(order.orderId()) || released.contains(order.orderId())) {
            return true;
        }
        var left = available.getOrDefault(order.sku(), 0);
        if (left < order.quantity()) {
            return false;
        }
        available.put(order.sku(), left - order.quantity());
        reservations.put(order.orderId(), order);
        return true;
    }

    /** Gives back what the order reserved, if anything (the compensation of {@link #reserve}). */
    public synchronized void release(String orderId) {
        var reservation = reservations.remove(orderId);
        if (reservation != null) {
            released.add(orderId);
            available.merge(reservation.sku(), reservation.quantity(), Integer::sum);
        }
    }

    public synchronized int available(String sku) {
        return available.getOrDefault(sku, 0);
    }
}
