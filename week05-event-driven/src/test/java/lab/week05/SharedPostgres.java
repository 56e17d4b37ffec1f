package lab.week05;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import lab.kit.junit.PerJvm;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Real PostgreSQL 17 (binaries from Maven Central) for the outbox and CDC tests: started once per test
 * JVM, on the first call, with logical decoding on for Debezium, and kept by the kit ({@link PerJvm}) so
 * that ./lab watch's runs, which load these classes anew, reuse it. Each test gets its own schema with
 * the outbox tables ({@code src/main/resources/db/outbox.sql}).
 */
final class SharedPostgres {

    private SharedPostgres() {
    }

    static EmbeddedPostgres instance() {
        return PerJvm.get("lab.week05.postgres", EmbeddedPostgres.class, SharedPostgres::start);
    }

    private static EmbeddedPostgres start() {
        var start = System.nanoTime();
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setServerConfig("wal_level", "logical") // Debezium reads the write-ahead log (5.8)
                    .setServerConfig("max_replication_slots", "10")
                    .setServerConfig("max_wal_senders", "10")
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Embedded PostgreSQL did not start on " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch") + ". It unpacks its binaries (week05's pom picks them for Linux, "
                    + "macOS and Windows on amd64/arm64) to the temp directory and runs them: is the temp directory "
                    + "writable and executable (not mounted noexec; -Djava.io.tmpdir moves it)? " + e, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(postgres)));
        System.out.printf("[lab] PostgreSQL (embedded) started in %d ms on port %d%n",
                (System.nanoTime() - start) / 1_000_000, postgres.getPort());
        return postgres;
    }

    /** A new schema with the outbox tables; connections from the returned source use it. */
    static PGSimpleDataSource newSchema() {
        // Unique across ./lab watch's runs too: they share the server, not this class.
        var schema = "shop_" + PerJvm.get("lab.week05.schemas", AtomicInteger.class, AtomicInteger::new).incrementAndGet();
        var admin = dataSource(null);
        try (var connection = admin.getConnection(); var statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            statement.execute("SET search_path TO " + schema);
            statement.execute(ddl());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create schema " + schema + ": " + e.getMessage(), e);
        }
        return dataSource(schema);
    }

    static Connection connect(PGSimpleDataSource source) {
        try {
            return source.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static PGSimpleDataSource dataSource(String schema) {
        var source = new PGSimpleDataSource();
        source.setServerNames(new String[] {"localhost"});
        source.setPortNumbers(new int[] {instance().getPort()});
        source.setDatabaseName("postgres");
        source.setUser("postgres");
        source.setPassword("postgres");
        if (schema != null) {
            source.setCurrentSchema(schema);
        }
        return source;
    }

    private static String ddl() {
        try (InputStream in = SharedPostgres.class.getResourceAsStream("/db/outbox.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stop(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("[lab] PostgreSQL did not stop cleanly: " + e);
        }
    }
}
