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
        var eventId = UUID.randomUUID();
        var payload = Json.write(order); // before the transaction: a failure here leaves nothing to undo
        connection.setAutoCommit(false);
        try (var insertOrder = connection.prepareStatement(
                "INSERT INTO orders (id, customer, sku, quantity, amount_cents) VALUES (?, ?, ?, ?, ?)");
             var insertEvent = connection.prepareStatement("INSERT INTO outbox (event_id, aggregate_type, aggregate_id, "
                     + "type, payload) VALUES (?, 'order', ?, 'OrderPlaced', ?::jsonb)")) {
            insertOrder.setString(1, order.orderId());
            insertOrder.setString(2, order.customer());
            insertOrder.setString(3, order.sku());
            insertOrder.setInt(4, order.quantity());
            insertOrder.setLong(5, order.amountCents());
            insertOrder.executeUpdate();
            insertEvent.setObject(1, eventId);
            insertEvent.setString(2, order.orderId());
            insertEvent.setString(3, payload);
            insertEvent.executeUpdate();
            // Both rows, or neither: this commit is the only moment the order "happens".
            connection.commit();
            return eventId.toString();
        } catch (SQLException | RuntimeException e) {
            // Any failure: roll back, or the open transaction's order row is committed with the next order.
            connection.rollback();
            throw e;
        }
    }
}
