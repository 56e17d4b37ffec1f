package lab.week05;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
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

import static lab.kit.junit.LabAssertions.assertFails;
import static lab.week05.OutboxRows.insertOrderAndEvent;
import static lab.week05.OutboxRows.unpublished;
import static lab.week05.OutboxRows.unpublishedSeenElsewhere;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * On real PostgreSQL 17 (embedded, shared by the test JVM; see SharedPostgres) and the kit's broker. The
 * outbox rows are written by the test (as 5.6's placeOrder would), so this exercise stands alone.
 */
@WithKafka
@Tag("ex5.7")
@DisplayName("5.7 The outbox's polling publisher")
class OutboxPublisherTest {

    private static final OrderEvent.Placed O1 = new OrderEvent.Placed("o-1", "ana", "sku-7", 2, 2_500);
    private static final OrderEvent.Placed O2 = new OrderEvent.Placed("o-2", "ben", "sku-1", 1, 900);

    @Test
    @DisplayName("the publisher sends pending events, keyed by order, with the event id, and marks them published")
    void publishes(KafkaLab kafka) throws Exception {
        var db = SharedPostgres.newSchema();
        var topic = kafka.createTopic("order.events", 2);
        try (var connection = SharedPostgres.connect(db)) {
            var first = insertOrderAndEvent(connection, O1);
            var second = insertOrderAndEvent(connection, O2);

            var published = OutboxPublisher.publishPending(connection, kafka.newProducer(), topic, 100);

            assertThat(published).as("events publishPending reports").isEqualTo(2);
            assertThat(unpublishedSeenElsewhere(db)).as("unpublished rows after publishing, seen from another "
                    + "connection (were the marks committed?)").isEmpty();
            var records = kafka.readAll(topic, 2);
            assertThat(records).extracting(ConsumerRecord::key).as("keys").containsExactlyInAnyOrder("o-1", "o-2");
            assertThat(records).extracting(OutboxHeaders::eventId).as("event-id headers").containsExactlyInAnyOrder(first, second);
            assertThat(records).extracting(r -> Json.read(r.value(), OrderEvent.class)).as("values: the events")
                    .containsExactlyInAnyOrder(O1, O2);
            assertThat(OutboxPublisher.publishPending(connection, kafka.newProducer(), topic, 100))
                    .as("a second run with nothing pending").isZero();
        }
    }

    @Test
    @DisplayName("the publisher takes at most batchSize events, oldest first")
    void oldestFirstInBatches(KafkaLab kafka) throws Exception {
        var db = SharedPostgres.newSchema();
        var topic = kafka.createTopic("order.events", 1);
        try (var connection = SharedPostgres.connect(db)) {
            var first = insertOrderAndEvent(connection, O1);
            var second = insertOrderAndEvent(connection, O2);
            var producer = kafka.newProducer();

            assertThat(OutboxPublisher.publishPending(connection, producer, topic, 1)).as("events published with batchSize 1")
                    .isEqualTo(1);
            assertThat(unpublished(connection)).as("still pending after the first batch: the newer event (ORDER BY id, "
                    + "LIMIT batchSize)").containsExactly(second);
            OutboxPublisher.publishPending(connection, producer, topic, 1);

            assertThat(kafka.readAll(topic, 2)).extracting(OutboxHeaders::eventId).as("events on %s, in the order "
                    + "published: the order they were written in", topic).containsExactly(first, second);
        }
    }

    @Test
    @DisplayName("events Kafka does not acknowledge stay pending, and the next run publishes them")
    void unacknowledgedStayPending(KafkaLab kafka) throws Exception {
        var db = SharedPostgres.newSchema();
        var topic = kafka.createTopic("order.events", 1);
        try (var connection = SharedPostgres.connect(db)) {
            insertOrderAndEvent(connection, O1);
            assertThat(OutboxPublisher.publishPending(connection, kafka.newProducer(), topic, 100))
                    .as("events published while Kafka acknowledges").isEqualTo(1);
            var second = insertOrderAndEvent(connection, O2);

            var thrown = catchThrowable(() -> OutboxPublisher.publishPending(connection, refusingEverySend(kafka), topic, 100));

            assertThat(unpublishedSeenElsewhere(db)).as("outbox rows pending after Kafka refused every send (%s); "
                    + "marked published before Kafka acknowledged them? wait for each send's result, and let a "
                    + "failure stop the run before the UPDATE", thrown == null ? "publishPending returned normally"
                    : "publishPending threw " + thrown).containsExactly(second);
            OutboxPublisher.publishPending(connection, kafka.newProducer(), topic, 100);
            assertThat(kafka.readAll(topic, 2)).extracting(ConsumerRecord::key)
                    .as("events on %s once Kafka acknowledges again: the refused one was not lost", topic).containsExactly("o-1", "o-2");
        }
    }

    @Test
    @DisplayName("a send Kafka does not acknowledge makes the run fail, so the caller knows")
    void unacknowledgedSendFails(KafkaLab kafka) throws Exception {
        var db = SharedPostgres.newSchema();
        var topic = kafka.uniqueName("order.events"); // never reached: every send fails before it
        try (var connection = SharedPostgres.connect(db)) {
            insertOrderAndEvent(connection, O1);

            assertFails("publishPending when Kafka refuses every send (its failure, not a count, must reach the caller)",
                    () -> OutboxPublisher.publishPending(connection, refusingEverySend(kafka), topic, 100))
                    .hasRootCauseInstanceOf(TimeoutException.class);
        }
    }

    @Test
    @DisplayName("a crash between the order's commit and the publish loses nothing: the next publisher sends it")
    void crashBeforePublishing(KafkaLab kafka) throws Exception {
        var db = SharedPostgres.newSchema();
        var topic = kafka.createTopic("order.events", 1);
        try (var connection = SharedPostgres.connect(db)) {
            insertOrderAndEvent(connection, O1);
        } // the service dies here, before any publisher ran

        try (var restarted = SharedPostgres.connect(db)) {
            OutboxPublisher.publishPending(restarted, kafka.newProducer(), topic, 100);
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
            insertOrderAndEvent(connection, O1);
        }
        try (var dying = SharedPostgres.connect(db)) {
            assertFails("the publisher dying at its commit",
                    () -> OutboxPublisher.publishPending(diesAtCommit(dying), kafka.newProducer(), topic, 100))
                    .hasMessageContaining("crash");
        } // the process is gone: PostgreSQL ends its transaction, and the rows are pending again

        try (var restarted = SharedPostgres.connect(db)) {
            var producer = kafka.newProducer();
            // The server releases the dead transaction's row locks when it has ended its backend, a moment
            // after the close; until then SKIP LOCKED passes the row by and the publisher finds nothing.
            LabAwait.until("the restarted publisher to send the event again").until(
                    () -> OutboxPublisher.publishPending(restarted, producer, topic, 100) == 1);
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
}
