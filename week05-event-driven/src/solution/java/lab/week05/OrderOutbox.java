package lab.week05;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Exercise 5.6: the transactional outbox, with a polling publisher. Writing the order to the database
 * and sending its event to Kafka are two systems: whichever comes second can fail after the first
 * succeeded (a "dual write"). The outbox makes it one: the order row and its event row are written in
 * one database transaction, and a relay publishes the event rows afterwards. Nothing is lost; an event
 * may be published twice (a crash after sending, before marking), so consumers deduplicate by event id.
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

    /**
     * Publishes up to {@code batchSize} unpublished events, oldest first, and marks them published once
     * Kafka has stored them. Returns how many it published. Each event goes out with key
     * {@code aggregate_id}, value {@code payload} and the headers {@link OutboxHeaders#EVENT_ID} and
     * {@link OutboxHeaders#EVENT_TYPE}. Rows being published are locked, and another publisher skips them.
     */
    public static int publishPending(Connection connection, Producer<String, String> producer, String topic,
                                     int batchSize) throws SQLException, ExecutionException, InterruptedException {
        connection.setAutoCommit(false);
        try {
            var ids = new ArrayList<Long>();
            var sent = sendPending(connection, producer, topic, batchSize, ids);
            // Marked only after Kafka has them all: a crash before the commit publishes them again, never loses them.
            for (var stored : sent) {
                stored.get();
            }
            markPublished(connection, ids);
            connection.commit();
            return ids.size();
        } catch (SQLException | ExecutionException | InterruptedException | RuntimeException e) {
            connection.rollback(); // the rows stay unpublished, for the next run
            throw e;
        }
    }

    /** Locks up to {@code batchSize} unpublished rows, oldest first, sends each, and notes their ids. */
    private static List<Future<RecordMetadata>> sendPending(Connection connection, Producer<String, String> producer,
                                                            String topic, int batchSize, List<Long> ids) throws SQLException {
        // SKIP LOCKED: a second publisher instance takes other rows instead of waiting or sending the same ones.
        // (With several publishers, one order's events can then be published out of order: run one per
        // partition key range, or accept it and order by event id downstream.)
        try (var select = connection.prepareStatement("SELECT id, event_id, aggregate_id, type, payload FROM outbox "
                + "WHERE published_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")) {
            select.setInt(1, batchSize);
            var sent = new ArrayList<Future<RecordMetadata>>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong("id"));
                    var record = new ProducerRecord<>(topic, rows.getString("aggregate_id"), rows.getString("payload"));
                    record.headers().add(OutboxHeaders.EVENT_ID, rows.getString("event_id").getBytes(StandardCharsets.UTF_8));
                    record.headers().add(OutboxHeaders.EVENT_TYPE, rows.getString("type").getBytes(StandardCharsets.UTF_8));
                    sent.add(producer.send(record));
                }
            }
            return sent;
        }
    }

    private static void markPublished(Connection connection, List<Long> ids) throws SQLException {
        try (var update = connection.prepareStatement("UPDATE outbox SET published_at = now() WHERE id = ?")) {
            for (var id : ids) {
                update.setLong(1, id);
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
