package lab.week05;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import lab.kit.junit.Intercept;
import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static lab.kit.junit.LabAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** On real PostgreSQL 17 (embedded, shared by the test JVM; see SharedPostgres) and the kit's broker. */
@WithKafka
@Tag("ex5.6")
@DisplayName("5.6 The transactional outbox, with a polling publisher")
class OrderOutboxTest {

    private static final OrderEvent.Placed O1 = new OrderEvent.Placed("o-1", "ana", "sku-7", 2, 2_500);
    private static final OrderEvent.Placed O2 = new OrderEvent.Placed("o-2", "ben", "sku-1", 1, 900);
    private static final OrderEvent.Placed REJECTED = new OrderEvent.Placed("o-bad", "cy", "sku-2", 1, 700);

    @Test
    @DisplayName("the order and its event are written together, or not at all")
    void orderAndEventTogether() throws Exception {
        var db = SharedPostgres.newSchema();
        try (var connection = SharedPostgres.connect(db)) {
            rejectOutboxRowsOf(connection, REJECTED.orderId());
            var eventId = OrderOutbox.placeOrder(connection, O1);

            assertFails("placing an order whose outbox row the database refuses (the second insert fails)",
                    () -> OrderOutbox.placeOrder(connection, REJECTED)).isInstanceOf(SQLException.class);
            var next = placeAfterTheFailure(connection, O2);

            assertThat(orderIds(connection)).as("rows in orders: the refused order's row went with its event (rolled back)")
                    .containsExactly("o-1", "o-2");
            assertThat(unpublished(connection)).as("unpublished outbox rows").containsExactly(eventId, next);
        }
    }

    @Test
    @DisplayName("the publisher sends pending events, keyed by order, with the event id, and marks them published")
    void publishes(KafkaLab kafka) throws Exception {
        var db = SharedPostgres.newSchema();
        var topic = kafka.createTopic("order.events", 2);
        try (var connection = SharedPostgres.connect(db)) {
            var first = OrderOutbox.placeOrder(connection, O1);
            var second = OrderOutbox.placeOrder(connection, O2);

            var published = OrderOutbox.publishPending(connection, kafka.newProducer(), topic, 100);

            assertThat(published).as("events publishPending reports").isEqualTo(2);
            assertThat(unpublishedSeenElsewhere(db)).as("unpublished rows after publishing, seen from another "
                    + "connection (were the marks committed?)").isEmpty();
            var records = kafka.readAll(topic, 2);
            assertThat(records).extracting(ConsumerRecord::key).as("keys").containsExactlyInAnyOrder("o-1", "o-2");
            assertThat(records).extracting(OutboxHeaders::eventId).as("event-id headers").containsExactlyInAnyOrder(first, second);
            assertThat(records).extracting(r -> Json.read(r.value(), OrderEvent.class)).as("values: the events")
                    .containsExactlyInAnyOrder(O1, O2);
            assertThat(OrderOutbox.publishPending(connection, kafka.newProducer(), topic, 100))
                    .as("a second run with nothing pending").isZero();
        }
    }

    @Test
    @DisplayName("the publisher takes at most batchSize events, oldest first")
    void oldestFirstInBatches(KafkaLab kafka) throws Exception {
        var db = SharedPostgres.newSchema();
        var topic = kafka.createTopic("order.events", 1);
        try (var connection = SharedPostgres.connect(db)) {
            var first = OrderOutbox.placeOrder(connection, O1);
            var second = OrderOutbox.placeOrder(connection, O2);
            var producer = kafka.newProducer();

            assertThat(OrderOutbox.publishPending(connection, producer, topic, 1)).as("events published with batchSize 1")
                    .isEqualTo(1);
            assertThat(unpublished(connection)).as("still pending after the first batch: the newer event (ORDER BY id, "
                    + "LIMIT batchSize)").containsExactly(second);
            OrderOutbox.publishPending(connection, producer, topic, 1);

            assertThat(kafka.readAll(topic, 2)).extracting(OutboxHeaders::eventId).as("events on %s, in the order "
                    + "published: the order they were written in", topic).containsExactly(first, second);
        }
    }

    @Test
    @DisplayName("events Kafka does not acknowledge stay pending, for the next run")
    void unacknowledgedStayPending(KafkaLab kafka) throws Exception {
        var db = SharedPostgres.newSchema();
        var topic = kafka.uniqueName("order.events"); // never reached: every send fails before it
        try (var connection = SharedPostgres.connect(db)) {
            var first = OrderOutbox.placeOrder(connection, O1);
            var second = OrderOutbox.placeOrder(connection, O2);

            var thrown = catchThrowable(() -> OrderOutbox.publishPending(connection, refusingEverySend(kafka), topic, 100));

            assertThat(unpublishedSeenElsewhere(db)).as("outbox rows pending after Kafka refused every send (%s); "
                    + "marked published before Kafka acknowledged them? wait for each send's result, and let a "
                    + "failure stop the run before the UPDATE", thrown == null ? "publishPending returned normally"
                    : "publishPending threw " + thrown).containsExactly(first, second);
        }
    }

    @Test
    @DisplayName("a send Kafka does not acknowledge makes the run fail, so the caller knows")
    void unacknowledgedSendFails(KafkaLab kafka) throws Exception {
        var db = SharedPostgres.newSchema();
        var topic = kafka.uniqueName("order.events"); // never reached: every send fails before it
        try (var connection = SharedPostgres.connect(db)) {
            OrderOutbox.placeOrder(connection, O1);

            assertFails("publishPending when Kafka refuses every send (its failure, not a count, must reach the caller)",
                    () -> OrderOutbox.publishPending(connection, refusingEverySend(kafka), topic, 100))
                    .hasRootCauseInstanceOf(TimeoutException.class);
        }
    }

    @Test
    @DisplayName("a crash between the order's commit and the publish loses nothing: the next publisher sends it")
    void crashBeforePublishing(KafkaLab kafka) throws Exception {
        var db = SharedPostgres.newSchema();
        var topic = kafka.createTopic("order.events", 1);
        try (var connection = SharedPostgres.connect(db)) {
            OrderOutbox.placeOrder(connection, O1);
        } // the service dies here, before any publisher ran

        try (var restarted = SharedPostgres.connect(db)) {
            OrderOutbox.publishPending(restarted, kafka.newProducer(), topic, 100);
        }

        assertThat(kafka.readAll(topic, 1)).extracting(ConsumerRecord::key).as("events on %s after the restart", topic)
                .containsExactly("o-1");
    }

    @Test
    @DisplayName("a crash after sending, before marking: the event is sent again, and the consumer handles it once")
    void crashAfterSending(KafkaLab kafka) throws Exception {
        var db = SharedPostgres.newSchema();
        var topic = kafka.createTopic("order.events", 1);
        try (var connection = SharedPostgres.connect(db)) {
            OrderOutbox.placeOrder(connection, O1);
        }
        try (var dying = SharedPostgres.connect(db)) {
            assertFails("the publisher dying at its commit",
                    () -> OrderOutbox.publishPending(diesAtCommit(dying), kafka.newProducer(), topic, 100))
                    .hasMessageContaining("crash");
        } // the process is gone: PostgreSQL ends its transaction, and the rows are pending again

        try (var restarted = SharedPostgres.connect(db)) {
            var producer = kafka.newProducer();
            // The server releases the dead transaction's row locks when it has ended its backend, a moment
            // after the close; until then SKIP LOCKED passes the row by and the publisher finds nothing.
            LabAwait.until("the restarted publisher to send the event again").until(
                    () -> OrderOutbox.publishPending(restarted, producer, topic, 100) == 1);
        }

        var handled = new ArrayList<String>();
        var consumer = new DeduplicatingHandler(record -> handled.add(record.key()));
        var copies = kafka.readAll(topic, 2);
        copies.forEach(consumer);
        assertThat(copies).extracting(OutboxHeaders::eventId).as("event ids on %s: the same event twice", topic)
                .hasSize(2).containsOnly(OutboxHeaders.eventId(copies.get(0)));
        assertThat(handled).as("orders the deduplicating consumer handled").containsExactly("o-1");
    }

    /** A connection whose first commit fails as if the process died at that moment. */
    private static Connection diesAtCommit(Connection real) {
        var died = new AtomicBoolean();
        return Intercept.of(Connection.class, real, call -> {
            if (call.named("commit") && !died.getAndSet(true)) {
                throw new SQLException("simulated crash: the publisher died before its commit");
            }
            if (died.get() && call.named("rollback")) {
                return null; // a dead process rolls nothing back; the server does, when the connection drops
            }
            return call.proceed();
        });
    }

    /**
     * A producer whose sends all fail, as when no broker acknowledges them within delivery.timeout.ms: the
     * future fails, and a callback, if one is given, is called with the error.
     */
    @SuppressWarnings("unchecked")
    private static Producer<String, String> refusingEverySend(KafkaLab kafka) {
        return Intercept.of(Producer.class, kafka.newProducer(), call -> {
            if (call.named("send")) {
                var refused = new TimeoutException("simulated: no broker acknowledged the record within delivery.timeout.ms");
                if (call.args().length > 1 && call.args()[1] instanceof Callback callback) {
                    callback.onCompletion(null, refused);
                }
                return CompletableFuture.failedFuture(refused);
            }
            return call.proceed();
        });
    }

    /** The unpublished rows as another connection sees them: only what was committed. */
    private static List<String> unpublishedSeenElsewhere(PGSimpleDataSource db) throws SQLException {
        try (var other = SharedPostgres.connect(db)) {
            return unpublished(other);
        }
    }

    private static List<String> unpublished(Connection connection) throws SQLException {
        return firstColumn(connection, "SELECT event_id FROM outbox WHERE published_at IS NULL ORDER BY id");
    }

    private static List<String> orderIds(Connection connection) throws SQLException {
        return firstColumn(connection, "SELECT id FROM orders ORDER BY id");
    }

    private static List<String> firstColumn(Connection connection, String query) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(query)) {
            var values = new ArrayList<String>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    /** The same connection goes on working after a failed order, if that order's transaction was rolled back. */
    private static String placeAfterTheFailure(Connection connection, OrderEvent.Placed order) {
        try {
            return OrderOutbox.placeOrder(connection, order);
        } catch (SQLException e) {
            throw new AssertionError("Placing " + order.orderId() + " on the same connection after the failed order: "
                    + e.getMessage() + " (did placeOrder roll the failed transaction back before rethrowing?)", e);
        }
    }

    /** A trigger that makes the outbox insert of {@code orderId}'s event fail, after its order row went in. */
    private static void rejectOutboxRowsOf(Connection connection, String orderId) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("CREATE FUNCTION reject_outbox_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "RAISE EXCEPTION 'outbox refuses the event of order %', NEW.aggregate_id; END $$");
            statement.execute("CREATE TRIGGER reject_outbox_row BEFORE INSERT ON outbox FOR EACH ROW WHEN "
                    + "(NEW.aggregate_id = '" + orderId + "') EXECUTE FUNCTION reject_outbox_row()");
        }
    }
}
