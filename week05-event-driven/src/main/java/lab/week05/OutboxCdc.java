package lab.week05;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.format.Json;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Change data capture of the outbox table with Debezium's embedded engine (given; 5.8 writes the
 * router). Debezium reads PostgreSQL's write-ahead log through a logical replication slot (the
 * {@code pgoutput} plugin): every committed insert into {@code outbox} arrives as a change event, in
 * commit order, without polling the table. Each batch is routed, sent, and only when Kafka has stored
 * it are its offsets (the log position) recorded, so a restart resumes where it left off: nothing lost,
 * at worst a batch sent twice.
 */
public final class OutboxCdc implements AutoCloseable {

    /** Where the outbox lives. */
    public record Database(String host, int port, String name, String user, String password, String schema) {
    }

    private final DebeziumEngine<ChangeEvent<String, String>> engine;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        var thread = new Thread(runnable, "outbox-cdc");
        thread.setDaemon(true);
        return thread;
    });
    private final CountDownLatch streaming = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private OutboxCdc(Properties config, Producer<String, String> producer,
                      Function<String, Optional<ProducerRecord<String, String>>> router) {
        this.engine = DebeziumEngine.create(Json.class)
                .using(config)
                .using(new DebeziumEngine.ConnectorCallback() {
                    @Override
                    public void taskStarted() {
                        streaming.countDown();
                    }
                })
                .using((success, message, error) -> {
                    if (!success) {
                        failure.set(error != null ? error : new IllegalStateException(message));
                        streaming.countDown();
                    }
                })
                .notifying((batch, committer) -> {
                    var sent = new ArrayList<Future<RecordMetadata>>();
                    for (var change : batch) {
                        router.apply(change.value()).ifPresent(record -> sent.add(producer.send(record)));
                    }
                    awaitStored(sent);
                    // Only now is the log position recorded: a crash before this re-reads the batch.
                    for (var change : batch) {
                        committer.markProcessed(change);
                    }
                    committer.markBatchFinished();
                })
                .build();
    }

    /**
     * Starts capturing {@code database}'s outbox table into Kafka and returns once Debezium streams.
     * {@code slot} names the replication slot; {@code offsets} is the file that remembers the position.
     */
    public static OutboxCdc start(Database database, String slot, Path offsets, Producer<String, String> producer,
                                  Function<String, Optional<ProducerRecord<String, String>>> router) {
        var cdc = new OutboxCdc(config(database, slot, offsets), producer, router);
        cdc.executor.execute(cdc.engine);
        try {
            if (!cdc.streaming.await(60, TimeUnit.SECONDS) || cdc.failure.get() != null) {
                throw new IllegalStateException("Debezium did not start streaming from PostgreSQL at " + database.host()
                        + ":" + database.port() + " (is wal_level=logical? is the slot free?): " + cdc.failure.get(),
                        cdc.failure.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while Debezium started", e);
        }
        return cdc;
    }

    /** What stopped the engine, or null while it runs. */
    public Throwable failure() {
        return failure.get();
    }

    @Override
    public void close() {
        try {
            try {
                engine.close();
            } catch (IllegalStateException alreadyStopped) {
                // the engine stopped itself after a failure (see failure()): nothing left to stop
            }
            executor.shutdown();
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("Debezium did not stop cleanly", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Properties config(Database database, String slot, Path offsets) {
        var config = new Properties();
        config.setProperty("name", "outbox-cdc-" + slot);
        config.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        config.setProperty("offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
        config.setProperty("offset.storage.file.filename", offsets.toString());
        config.setProperty("offset.flush.interval.ms", "0"); // record the position after every batch
        config.setProperty("database.hostname", database.host());
        config.setProperty("database.port", String.valueOf(database.port()));
        config.setProperty("database.user", database.user());
        config.setProperty("database.password", database.password());
        config.setProperty("database.dbname", database.name());
        config.setProperty("topic.prefix", "lab");
        config.setProperty("table.include.list", database.schema() + ".outbox");
        config.setProperty("plugin.name", "pgoutput"); // PostgreSQL's built-in logical decoding output
        config.setProperty("slot.name", slot);
        config.setProperty("publication.name", slot + "_publication");
        config.setProperty("publication.autocreate.mode", "filtered");
        // Capture from now on: the outbox rows written before the first start are the polling publisher's.
        config.setProperty("snapshot.mode", "no_data");
        config.setProperty("converter.schemas.enable", "false");
        config.setProperty("key.converter.schemas.enable", "false");
        config.setProperty("value.converter.schemas.enable", "false");
        return config;
    }

    private static void awaitStored(List<Future<RecordMetadata>> sent) throws InterruptedException {
        try {
            for (var stored : sent) {
                stored.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not store an outbox event; stopping before its position is "
                    + "recorded, so it is captured again after a restart", e.getCause());
        }
    }
}
