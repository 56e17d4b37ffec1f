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

    /**
     * Stores the order and its OrderPlaced event in one transaction; returns the event id. The outbox row:
     * a random UUID {@code event_id}, {@code aggregate_type} 'order', {@code aggregate_id} the order id,
     * {@code type} 'OrderPlaced', {@code payload} {@code Json.write(order)} as jsonb.
     */
    public static String placeOrder(Connection connection, OrderEvent.Placed order) throws SQLException {
        // TODO 5.6: the order and its event are stored together or not at all.
        throw new UnsupportedOperationException("Exercise 5.6 not done yet: see HINTS.md#56");
    }

    /**
     * Publishes up to {@code batchSize} unpublished events, oldest first, and marks them published once
     * Kafka has stored them. Returns how many it published. Each event goes out with key
     * {@code aggregate_id}, value {@code payload} and the headers {@link OutboxHeaders#EVENT_ID} and
     * {@link OutboxHeaders#EVENT_TYPE}. Rows being published are locked, and another publisher skips them.
     */
    public static int publishPending(Connection connection, Producer<String, String> producer, String topic,
                                     int batchSize) throws SQLException, ExecutionException, InterruptedException {
        // TODO 5.6: a row is marked published only once Kafka has stored its event; when anything fails, no
        //           row is marked, and two publishers never send the same row.
        throw new UnsupportedOperationException("Exercise 5.6 not done yet: see HINTS.md#56");
    }
}
