package lab.week07;

import java.util.Optional;

/** What the order-status service remembers of the orders it has read, to answer "where is my order?". */
public interface OrderCache {

    /** Remembers {@code order}; true the first time this id is seen, false for a repeat (a redelivery). */
    boolean remember(String orderId, byte[] order);

    /** The order, if it is still remembered. */
    Optional<byte[]> find(String orderId);
}
