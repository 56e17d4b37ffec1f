package lab.week07;

import java.util.Optional;

/**
 * Exercise 7.12, the fix: a cache with a size, not a history. It keeps the {@code capacity} orders
 * remembered last and forgets the oldest beyond that, so its memory stays what it was sized for however
 * long the service runs. Customers ask about recent orders; the rest is in the order database.
 */
public final class RecentOrders implements OrderCache {

    public RecentOrders(int capacity) {
        // TODO 7.12: a bounded map; see the README.
    }

    @Override
    public synchronized boolean remember(String orderId, byte[] order) {
        // TODO 7.12: remember it, and forget the oldest beyond the capacity.
        throw new UnsupportedOperationException("Exercise 7.12 not done yet: see HINTS.md#712");
    }

    @Override
    public synchronized Optional<byte[]> find(String orderId) {
        throw new UnsupportedOperationException("Exercise 7.12 not done yet: see HINTS.md#712");
    }
}
