package lab.week07;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Exercise 7.12, the fix: a cache with a size, not a history. It keeps the {@code capacity} orders
 * remembered last and forgets the oldest beyond that, so its memory stays what it was sized for however
 * long the service runs. Customers ask about recent orders; the rest is in the order database.
 */
public final class RecentOrders implements OrderCache {

    private final int capacity;
    private final Map<String, byte[]> orders;

    public RecentOrders(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a cache holds at least 1 order; got " + capacity);
        }
        this.capacity = capacity;
        // Insertion order, and the eldest entry leaves when the map grows past its capacity.
        this.orders = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                return size() > RecentOrders.this.capacity;
            }
        };
    }

    @Override
    public synchronized boolean remember(String orderId, byte[] order) {
        return orders.put(orderId, order) == null;
    }

    @Override
    public synchronized Optional<byte[]> find(String orderId) {
        return Optional.ofNullable(orders.get(orderId));
    }
}
