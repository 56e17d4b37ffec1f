package lab.week05;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One Debezium engine for the 5.7 tests that stream from PostgreSQL, so the engine starts once rather
 * than once per test: it captures its own schema's outbox through its own replication slot, and each
 * test points it at its topic by handing it that test's router. Closing it stops the engine and drops
 * the slot and publication (a warm ./lab watch JVM keeps PostgreSQL, and slots are limited).
 */
final class SharedCdc implements AutoCloseable {

    /** What happens while the relay is down. */
    interface Outage {
        void run() throws Exception;
    }

    private static final Function<String, Optional<ProducerRecord<String, String>>> NO_TEST_YET = change -> Optional.empty();

    private final PGSimpleDataSource db = SharedPostgres.newSchema();
    private final String slot = "lab_cdc_" + Long.toHexString(UUID.randomUUID().getMostSignificantBits() & Long.MAX_VALUE);
    private final Path offsets;
    private final KafkaProducer<String, String> producer;
    private final AtomicReference<Function<String, Optional<ProducerRecord<String, String>>>> router =
            new AtomicReference<>(NO_TEST_YET);
    private OutboxCdc engine;

    private SharedCdc(KafkaLab kafka) throws IOException {
        offsets = Files.createTempDirectory("lab-cdc").resolve("offsets.dat");
        producer = new KafkaProducer<>(kafka.producerConfig()); // outlives a test: the kit closes a test's own clients
        engine = startEngine();
    }

    static SharedCdc start(KafkaLab kafka) throws IOException {
        return new SharedCdc(kafka);
    }

    /**
     * Relays from now on with {@code next} (a test's own router, to its topic). An engine stopped by an
     * earlier test's router is started again first: the change it failed on is read again.
     */
    OutboxCdc routeWith(OutboxEventRouter next) {
        router.set(next::route);
        if (engine.failure() != null) {
            engine.close();
            engine = startEngine();
        }
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
        engine.close();
        producer.close();
        try {
            LabAwait.until("replication slot " + slot + " released by the stopped engine").until(this::dropSlot);
        } catch (RuntimeException e) {
            System.err.println("[lab] replication slot " + slot + " was not dropped: " + e.getMessage());
        }
        offsets.toFile().delete();
        offsets.getParent().toFile().delete();
    }

    /** True once the slot and its publication are gone; false while the engine's walsender still holds it. */
    private boolean dropSlot() throws SQLException {
        try (var connection = SharedPostgres.connect(db); var statement = connection.createStatement()) {
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

    private OutboxCdc startEngine() {
        var database = new OutboxCdc.Database("localhost", SharedPostgres.instance().getPort(), "postgres", "postgres",
                "postgres", db.getCurrentSchema());
        return OutboxCdc.start(database, slot, offsets, producer, change -> router.get().apply(change));
    }
}
