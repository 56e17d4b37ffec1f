package lab.week05;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Exercise 5.7: the outbox's polling publisher. It reads the event rows 5.6 wrote and sends them to
 * Kafka, then marks them published. Nothing is lost; an event may be published twice (a crash after
 * sending, before marking), so consumers deduplicate by event id.
 */
public final class OutboxPublisher {

    private OutboxPublisher() {
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
