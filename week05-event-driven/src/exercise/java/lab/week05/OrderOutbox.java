package lab.week05;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Exercise 5.6: the transactional outbox. Writing the order to the database and sending its event to
 * Kafka are two systems: whichever comes second can fail after the first succeeded (a "dual write").
 * The outbox makes it one: the order row and its event row are written in one database transaction,
 * and a relay (5.7's polling publisher, or 5.8's change data capture) publishes the event rows after.
 */
public final class OrderOutbox {

    private OrderOutbox() {
    }

    /**
     * Stores the order and its OrderPlaced event in one transaction; returns the event id. The outbox row:
     * a random UUID {@code event_id}, {@code aggregate_type} 'order', {@code aggregate_id} the order id,
     * {@code type} 'OrderPlaced', {@code payload} {@code Json.write(order)} as jsonb.
     */
    public static String placeOrder(Connection connection, OrderEvent.Placed order) throws SQLException {
        // TODO 5.6: the order and its event are stored together or not at all.
        throw new UnsupportedOperationException("Exercise 5.6 not done yet: see HINTS.md#56");
    }
}
