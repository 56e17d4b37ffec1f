package lab.week05;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.Producer;

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

    /** Stores the order and its OrderPlaced event in one transaction; returns the event id. */
    public static String placeOrder(Connection connection, OrderEvent.Placed order) throws SQLException {
        // TODO 5.6: one transaction (auto-commit off): INSERT the orders row, INSERT the outbox row (a random
        //           UUID event_id, aggregate_type 'order', aggregate_id the order id, type 'OrderPlaced',
        //           payload Json.write(order) cast to jsonb), commit; on any exception roll back and rethrow.
        throw new UnsupportedOperationException("Exercise 5.6 not done yet: see HINTS.md#56");
    }

    /**
     * Publishes up to {@code batchSize} unpublished events, oldest first, and marks them published once
     * Kafka has stored them. Returns how many it published.
     */
    public static int publishPending(Connection connection, Producer<String, String> producer, String topic,
                                     int batchSize) throws SQLException, ExecutionException, InterruptedException {
        // TODO 5.6: in one transaction: SELECT up to batchSize unpublished rows, oldest first, FOR UPDATE SKIP LOCKED;
        //           send each (key aggregate_id, value payload, headers OutboxHeaders.EVENT_ID and EVENT_TYPE);
        //           wait until Kafka stored every one; then set published_at and commit. On failure roll back.
        throw new UnsupportedOperationException("Exercise 5.6 not done yet: see HINTS.md#56");
    }
}
