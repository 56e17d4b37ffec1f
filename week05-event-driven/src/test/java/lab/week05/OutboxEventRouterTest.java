package lab.week05;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Debezium's embedded engine on real PostgreSQL (logical decoding, pgoutput), relaying into the kit's broker. */
@WithKafka
@Tag("ex5.8")
@DisplayName("5.8 The outbox by change data capture, with Debezium")
class OutboxEventRouterTest {

    private static final OrderEvent.Placed O1 = new OrderEvent.Placed("o-1", "ana", "sku-7", 2, 2_500);
    private static final OrderEvent.Placed O2 = new OrderEvent.Placed("o-2", "ben", "sku-1", 1, 900);
    // The streaming tests share one schema (and engine): their orders have ids of their own.
    private static final OrderEvent.Placed O3 = new OrderEvent.Placed("o-3", "cy", "sku-2", 3, 1_200);
    private static final OrderEvent.Placed O4 = new OrderEvent.Placed("o-4", "dee", "sku-7", 1, 1_250);
    private static final OrderEvent.Placed O5 = new OrderEvent.Placed("o-5", "eli", "sku-3", 2, 600);

    private static SharedCdc shared;

    @Test
    @DisplayName("an inserted outbox row becomes its event: key, payload, event id and type")
    void routesAnInsert() throws Exception {
        var router = new OutboxEventRouter("order.events");

        var routed = router.route(resource("debezium/outbox-insert.json"));

        assertThat(routed).as("record for a captured INSERT (src/test/resources/debezium/outbox-insert.json)")
                .hasValueSatisfying(record -> {
                    assertThat(record.topic()).as("topic").isEqualTo("order.events");
                    assertThat(record.key()).as("key: the row's aggregate_id").isEqualTo("o-1");
                    assertThat(jsonTree(record.value())).as("value: the row's payload, the event's JSON text as it is")
                            .isEqualTo(jsonTree(Json.write(O1)));
                    assertThat(Json.read(record.value(), OrderEvent.class)).as("value: the row's payload").isEqualTo(O1);
                    assertThat(new String(record.headers().lastHeader(OutboxHeaders.EVENT_ID).value(), StandardCharsets.UTF_8))
                            .as("event-id header").isEqualTo("adc23416-4480-4c43-a9e2-7cb61a51185b");
                    assertThat(new String(record.headers().lastHeader(OutboxHeaders.EVENT_TYPE).value(), StandardCharsets.UTF_8))
                            .as("event-type header").isEqualTo("OrderPlaced");
                });
    }

    @Test
    @DisplayName("updates, deletes and tombstones are not events")
    void ignoresOtherChanges() throws Exception {
        var router = new OutboxEventRouter("order.events");
        var delete = "{\"before\":{\"id\":1},\"after\":null,\"op\":\"d\"}";

        assertThat(routed(router, resource("debezium/outbox-update.json"), "a captured UPDATE (published_at set)"))
                .as("a captured UPDATE (published_at set)").isEmpty();
        assertThat(routed(router, delete, "a DELETE")).as("a DELETE").isEmpty();
        assertThat(routed(router, null, "a tombstone (null value)")).as("a tombstone (null value)").isEmpty();
    }

    @Test
    @DisplayName("on PostgreSQL: committed outbox rows reach Kafka through the write-ahead log, without polling")
    void capturesCommittedRows(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("order.events", 1); // one partition: the topic keeps the log's commit order
        var cdc = sharedCdc(kafka).routeWith(new OutboxEventRouter(topic));

        try (var connection = shared.connect()) {
            var first = OutboxRows.insertOrderAndEvent(connection, O1);
            var second = OutboxRows.insertOrderAndEvent(connection, O2);
            markAllPublished(connection); // UPDATEs of the rows: captured too, and not events
            var third = OutboxRows.insertOrderAndEvent(connection, O3); // committed after them: relayed after them

            var records = awaitRecords(kafka, cdc, topic, 3);

            assertThat(records).extracting(ConsumerRecord::key).as("keys on %s, in commit order", topic)
                    .containsExactly("o-1", "o-2", "o-3");
            assertThat(records).extracting(OutboxHeaders::eventId).as("event ids").containsExactly(first, second, third);
            assertThat(kafka.recordCount(topic)).as("records on %s: the three inserts, not the updates", topic).isEqualTo(3);
            assertThat(cdc.failure()).as("the CDC engine's failure").isNull();
        }
    }

    @Test
    @DisplayName("an order placed while the relay is down is published when it restarts: nothing lost")
    void restartLosesNothing(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("order.events", 1);
        var cdc = sharedCdc(kafka).routeWith(new OutboxEventRouter(topic));

        try (var connection = shared.connect()) {
            OutboxRows.insertOrderAndEvent(connection, O4);
            awaitRecords(kafka, cdc, topic, 1);

            // The relay goes down and an order is placed meanwhile; the replication slot keeps the log for it.
            var restarted = shared.restartAround(() -> OutboxRows.insertOrderAndEvent(connection, O5));
            // At least once: a batch may come twice after a restart, so wait for o-5, not for a count.
            LabAwait.until("o-5, placed while the relay was down, on " + topic).until(() -> {
                failIfStopped(restarted);
                return everythingOn(kafka, topic).stream().anyMatch(record -> "o-5".equals(record.key()));
            });
            var records = everythingOn(kafka, topic);

            assertThat(records).extracting(ConsumerRecord::key).as("keys on %s after the restart", topic)
                    .contains("o-4", "o-5").containsOnly("o-4", "o-5");
            assertThat(records.stream().map(OutboxHeaders::eventId).distinct()).as("distinct events (a copy of one "
                    + "after the restart is allowed: consumers deduplicate by event id)").hasSize(2);
        }
    }

    /** The engine the streaming tests share, started by the first of them. */
    private static SharedCdc sharedCdc(KafkaLab kafka) throws IOException {
        if (shared == null) {
            shared = SharedCdc.start(kafka);
        }
        return shared;
    }

    @AfterAll
    static void stopCdc() {
        if (shared != null) {
            shared.close();
        }
    }

    /** Waits for {@code count} records on {@code topic}, failing at once if the relay stopped (e.g. the router threw). */
    private static List<ConsumerRecord<String, String>> awaitRecords(KafkaLab kafka, OutboxCdc cdc, String topic, int count) {
        LabAwait.until(count + " records relayed to " + topic).until(() -> {
            failIfStopped(cdc);
            return kafka.recordCount(topic) >= count;
        });
        return kafka.readAll(topic, count);
    }

    private static List<ConsumerRecord<String, String>> everythingOn(KafkaLab kafka, String topic) {
        return kafka.readAll(topic, (int) kafka.recordCount(topic));
    }

    /** A relay stopped by its router (it threw) never sends what a test waits for: fail at once, saying why. */
    private static void failIfStopped(OutboxCdc cdc) {
        if (cdc.failure() != null) {
            throw new IllegalStateException("The CDC relay stopped: " + cdc.failure(), cdc.failure());
        }
    }

    private static void markAllPublished(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE outbox SET published_at = now()");
            connection.commit();
        }
    }

    /** What the router makes of {@code change}; a router that throws fails the test saying on what. */
    private static Optional<ProducerRecord<String, String>> routed(OutboxEventRouter router, String change, String what) {
        try {
            return router.route(change);
        } catch (RuntimeException e) {
            throw new AssertionError("[" + what + "] route(...) threw " + e + ": a change that is not an insert gives "
                    + "Optional.empty(), and a router that throws stops the CDC relay", e);
        }
    }

    /** JSON text as a tree, so two texts of the same JSON compare equal whatever their spacing. */
    private static JsonNode jsonTree(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not JSON: " + json, e);
        }
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = OutboxEventRouterTest.class.getResourceAsStream("/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
