package lab.week05;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.postgresql.ds.PGSimpleDataSource;

/** The outbox tables as the tests write and read them, apart from the exercises' own code. */
final class OutboxRows {

    private OutboxRows() {
    }

    /** What 5.6's placeOrder does, written here so the relays' tests (5.7, 5.8) do not depend on it. */
    static String insertOrderAndEvent(Connection connection, OrderEvent.Placed order) throws SQLException {
        var eventId = UUID.randomUUID();
        connection.setAutoCommit(false);
        try (var orders = connection.prepareStatement("INSERT INTO orders (id, customer, sku, quantity, amount_cents) "
                + "VALUES (?, ?, ?, ?, ?)");
             var outbox = connection.prepareStatement("INSERT INTO outbox (event_id, aggregate_type, aggregate_id, type, "
                     + "payload) VALUES (?, 'order', ?, 'OrderPlaced', ?::jsonb)")) {
            orders.setString(1, order.orderId());
            orders.setString(2, order.customer());
            orders.setString(3, order.sku());
            orders.setInt(4, order.quantity());
            orders.setLong(5, order.amountCents());
            orders.executeUpdate();
            outbox.setObject(1, eventId);
            outbox.setString(2, order.orderId());
            outbox.setString(3, Json.write(order));
            outbox.executeUpdate();
            connection.commit();
        }
        return eventId.toString();
    }

    /** The unpublished rows as another connection sees them: only what was committed. */
    static List<String> unpublishedSeenElsewhere(PGSimpleDataSource db) throws SQLException {
        try (var other = SharedPostgres.connect(db)) {
            return unpublished(other);
        }
    }

    /** Event ids of the rows not yet published, oldest first. */
    static List<String> unpublished(Connection connection) throws SQLException {
        return firstColumn(connection, "SELECT event_id FROM outbox WHERE published_at IS NULL ORDER BY id");
    }

    static List<String> orderIds(Connection connection) throws SQLException {
        return firstColumn(connection, "SELECT id FROM orders ORDER BY id");
    }

    static List<String> firstColumn(Connection connection, String query) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(query)) {
            var values = new ArrayList<String>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
