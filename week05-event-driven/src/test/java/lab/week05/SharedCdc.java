package lab.week05;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One Debezium engine for the 5.8 tests that stream from PostgreSQL, so the engine starts once rather
 * than once per test: it captures its own schema's outbox through its own replication slot, and each
 * test points it at its topic by handing it that test's router. Closing it stops the engine and drops
 * the slot and publication (a warm ./lab watch JVM keeps PostgreSQL, and slots are limited).
 *
 * <p>Handing over to the next test's router waits at a barrier: a marker row written to the outbox and
 * seen by the engine. Changes arrive in commit order, so every change of the earlier test has gone
 * through the earlier router by then, and none can land on the next test's topic.
 */
final class SharedCdc implements AutoCloseable {

    /** What happens while the relay is down. */
    interface Outage {
        void run() throws Exception;
    }

    private static final Function<String, Optional<ProducerRecord<String, String>>> NO_TEST_YET = change -> Optional.empty();

    private final PGSimpleDataSource db = SharedPostgres.newSchema();
    private final Path offsetsDir;
    private final KafkaProducer<String, String> producer;
    private final AtomicReference<Function<String, Optional<ProducerRecord<String, String>>>> router =
            new AtomicReference<>(NO_TEST_YET);
    private final AtomicReference<Barrier> barrier = new AtomicReference<>();
    private String slot = newSlotName();
    private OutboxCdc engine;

    /** A marker row the engine is waiting to see; it is never handed to a router. */
    private record Barrier(String token, CountDownLatch seen) {
    }

    private SharedCdc(KafkaLab kafka) throws IOException {
        offsetsDir = Files.createTempDirectory("lab-cdc");
        producer = new KafkaProducer<>(kafka.producerConfig()); // outlives a test: the kit closes a test's own clients
        try {
            engine = startEngine();
        } catch (RuntimeException e) {
            producer.close();
            dropSlotQuietly();
            throw e;
        }
    }

    static SharedCdc start(KafkaLab kafka) throws IOException {
        return new SharedCdc(kafka);
    }

    /**
     * Relays from now on with {@code next} (a test's own router, to its topic), once every change before
     * now has been relayed by the router it was meant for. An engine stopped by an earlier test's router
     * is replaced by one on a fresh slot: the change it failed on belongs to that test, not this one.
     */
    OutboxCdc routeWith(OutboxEventRouter next) throws SQLException, InterruptedException {
        if (engine.failure() != null) {
            engine.close();
            dropSlotQuietly();
            slot = newSlotName();
            engine = startEngine();
        } else {
            awaitBarrier();
        }
        router.set(next::route);
        return engine;
    }

    /** Stops the relay, runs {@code outage}, and starts it again on the same slot and offsets. */
    OutboxCdc restartAround(Outage outage) throws Exception {
        engine.close();
        outage.run();
        engine = startEngine();
        return engine;
    }

    Connection connect() {
        return SharedPostgres.connect(db);
    }

    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            try {
                producer.close();
            } finally {
                dropSlotQuietly();
                offsetsDir.resolve(slot + ".dat").toFile().delete();
                offsetsDir.toFile().delete();
            }
        }
    }

    private void awaitBarrier() throws SQLException, InterruptedException {
        var token = "barrier-" + UUID.randomUUID();
        var next = new Barrier(token, new CountDownLatch(1));
        barrier.set(next);
        try (var connection = connect(); var insert = connection.prepareStatement("INSERT INTO outbox (event_id, "
                + "aggregate_type, aggregate_id, type, payload) VALUES (?, 'barrier', ?, 'Barrier', '{}'::jsonb)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, token);
            insert.executeUpdate();
        }
        if (!next.seen().await(LabAwait.TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("The shared CDC engine did not relay the earlier test's last changes within "
                    + LabAwait.TIMEOUT.toSeconds() + " s" + (engine.failure() != null ? ": " + engine.failure() : ""));
        }
    }

    /** Barriers are answered here; every other change goes to the current test's router. */
    private Optional<ProducerRecord<String, String>> route(String change) {
        var waiting = barrier.get();
        if (change != null && waiting != null && change.contains(waiting.token())) {
            waiting.seen().countDown();
            return Optional.empty();
        }
        if (change != null && change.contains("\"aggregate_type\":\"barrier\"")) {
            return Optional.empty(); // an earlier barrier's row, or its UPDATE/DELETE
        }
        return router.get().apply(change);
    }

    private OutboxCdc startEngine() {
        var database = new OutboxCdc.Database("localhost", SharedPostgres.instance().getPort(), "postgres", "postgres",
                "postgres", db.getCurrentSchema());
        return OutboxCdc.start(database, slot, offsetsDir.resolve(slot + ".dat"), producer, this::route);
    }

    /** Drops the slot and its publication once the stopped engine's walsender has let go of it. */
    private void dropSlotQuietly() {
        try {
            LabAwait.until("replication slot " + slot + " released by the stopped engine").until(this::dropSlot);
        } catch (Exception e) {
            System.err.println("[lab] replication slot " + slot + " was not dropped: " + e.getMessage());
        }
    }

    /** True once the slot and its publication are gone; false while the engine's walsender still holds it. */
    private boolean dropSlot() throws SQLException {
        try (var connection = connect(); var statement = connection.createStatement()) {
            try (var slots = statement.executeQuery("SELECT active FROM pg_replication_slots WHERE slot_name = '" + slot + "'")) {
                if (slots.next() && slots.getBoolean("active")) {
                    return false;
                }
            }
            statement.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '"
                    + slot + "'");
            statement.execute("DROP PUBLICATION IF EXISTS " + slot + "_publication");
            return true;
        }
    }

    private static String newSlotName() {
        return "lab_cdc_" + Long.toHexString(UUID.randomUUID().getMostSignificantBits() & Long.MAX_VALUE);
    }
}
