package lab.kit.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import lab.kit.broker.LabSetupException;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The load tool's engine ({@code ./lab load}): writes a {@link Workload} to a topic, open loop at a target
 * rate or flat out, and measures what the producer and, optionally, a consumer saw.
 * <ul>
 *   <li>Open loop: record {@code i} is due at {@code start + i / rate}, whether or not earlier ones are
 *   acknowledged. Its latency counts from when it was due, so a stalled producer shows as the wait it
 *   caused (coordinated omission corrected), not as a pause in the measurements.</li>
 *   <li>End to end: the record's timestamp is when it was due; a consumer in this JVM reads the topic from
 *   its end at the start, and each record's latency is the time it was read minus that timestamp.</li>
 *   <li>Every second the progress callback gets one line, and the timeline one {@link LoadReport.Second}.</li>
 * </ul>
 */
public final class LoadRun {

    private static final Duration CATCH_UP = Duration.ofSeconds(10);
    private static final int ERRORS_KEPT = 5;
    private static final long SPIN_BELOW_NANOS = 50_000;

    private final LoadPlan plan;
    private final Consumer<String> progress;
    private final Recorder ackRecorder = new Recorder(3);
    private final Recorder serviceRecorder = new Recorder(3);
    private final Recorder endToEndRecorder = new Recorder(3);
    private final Histogram ackTotal = new Histogram(3);
    private final Histogram serviceTotal = new Histogram(3);
    private final Histogram endToEndTotal = new Histogram(3);
    // Counters the hot path touches once per record: written by one thread each (the sender, the producer's
    // I/O thread), so a lazy set or an adder, never a contended compare-and-set.
    private final AtomicLong sent = new AtomicLong();
    private final LongAdder acknowledged = new LongAdder();
    private final LongAdder acknowledgedBytes = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final AtomicLong consumed = new AtomicLong();
    private final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
    private final List<LoadReport.Second> timeline = new ArrayList<>();
    private volatile long startNanos;

    private LoadRun(LoadPlan plan, Consumer<String> progress) {
        this.plan = plan;
        this.progress = progress;
    }

    /** Runs {@code plan} to its end; {@code progress} gets a line a second. */
    public static LoadReport run(LoadPlan plan, Consumer<String> progress) {
        return new LoadRun(plan, progress).run();
    }

    /**
     * Creates {@code topic} with {@code partitions} partitions (replication as the broker's default) unless
     * it exists; fails with what to do when no broker answers at {@code bootstrap} within {@code answerWithin}.
     */
    public static void ensureTopic(String bootstrap, String topic, int partitions, Duration answerWithin) {
        var wait = (int) answerWithin.toMillis();
        try (var admin = admin(bootstrap, wait)) {
            try {
                admin.describeCluster().nodes().get(wait, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new LabSetupException("No Kafka broker answered at " + bootstrap + " within " + answerWithin.toSeconds()
                        + " s. Is it running, and is that its address? Start one with ./lab broker, or leave out --bootstrap to use an"
                        + " embedded broker.");
            }
            try {
                admin.createTopics(List.of(new NewTopic(topic, java.util.Optional.of(partitions), java.util.Optional.empty())))
                        .all().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new LabSetupException("Cannot create the topic " + topic + ": " + e.getCause().getMessage());
                }
            }
            // A leader named a moment before it serves the partition: a flat-out run's first batches could
            // then wait out the delivery timeout (KAFKA-15591; seen once here, 59 of 20,000 records after 120 s).
            lab.kit.broker.TopicReadiness.await(admin, topic, bootstrap, Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new LabSetupException("Creating the topic " + topic + " took more than 10 s at " + bootstrap);
        }
    }

    private static Admin admin(String bootstrap, int waitMillis) {
        try {
            return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, waitMillis, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, waitMillis));
        } catch (org.apache.kafka.common.KafkaException e) {
            var reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw new LabSetupException("'" + bootstrap + "' is not a bootstrap address Kafka takes (host:port, comma-separated):"
                    + " " + reason);
        }
    }

    private LoadReport run() {
        var stop = new AtomicBoolean();
        var reader = plan.endToEnd() ? EndToEndReader.start(plan, endToEndRecorder, consumed, stop) : null;
        var ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "lab-load-progress");
            thread.setDaemon(true);
            return thread;
        });
        double seconds;
        Map<String, Double> producerMetrics;
        try (var producer = new KafkaProducer<byte[], byte[]>(producerSettings())) {
            startNanos = System.nanoTime();
            ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
            send(producer);
            producer.flush();
            producerMetrics = producerMetrics(producer);
        } finally {
            seconds = (System.nanoTime() - startNanos) / 1e9;
            if (reader != null) {
                reader.awaitCaughtUp(acknowledged.sum(), CATCH_UP);
            }
            stop.set(true);
            ticker.shutdownNow();
            if (reader != null) {
                reader.join();
            }
        }
        tick(); // the last partial second, and whatever the recorders still hold
        return new LoadReport(plan.workload().describe(), plan.recordsPerSecond(), sent.get(), acknowledged.sum(),
                failed.sum(), List.copyOf(firstErrors), seconds, acknowledged.sum() / seconds,
                acknowledgedBytes.sum() / seconds / 1_000_000, LoadReport.Latency.of(ackTotal),
                LoadReport.Latency.of(serviceTotal), LoadReport.Latency.of(endToEndTotal), List.copyOf(timeline),
                plan.producerSettings(), producerMetrics);
    }

    /** What the producer says about the run: how it batched and compressed (the averages over its last 30 s). */
    private static Map<String, Double> producerMetrics(KafkaProducer<byte[], byte[]> producer) {
        var kept = new java.util.TreeMap<String, Double>();
        producer.metrics().forEach((name, metric) -> {
            if (name.group().equals("producer-metrics") && LoadReport.PRODUCER_METRICS.contains(name.name())
                    && metric.metricValue() instanceof Double value) {
                kept.put(name.name(), value);
            }
        });
        return kept;
    }

    private Map<String, Object> producerSettings() {
        var settings = new HashMap<String, Object>(plan.producerSettings());
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, plan.bootstrap());
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return settings;
    }

    private void send(KafkaProducer<byte[], byte[]> producer) {
        var random = new SplittableRandom(7);
        var period = plan.flatOut() ? 0 : (long) (1e9 / plan.recordsPerSecond());
        var deadline = plan.duration() == null ? Long.MAX_VALUE : startNanos + plan.duration().toNanos();
        var startMillis = System.currentTimeMillis();
        for (long i = 0; plan.records() <= 0 || i < plan.records(); i++) {
            var due = plan.flatOut() ? System.nanoTime() : startNanos + i * period;
            if (due >= deadline || Thread.currentThread().isInterrupted()) {
                break;
            }
            waitUntil(due);
            var next = plan.workload().next(i, random);
            var calledAt = plan.flatOut() ? due : System.nanoTime(); // flat out, a record is due when it is sent
            var size = next.value().length + (next.key() == null ? 0 : next.key().length);
            producer.send(new ProducerRecord<>(plan.topic(), null, startMillis + (due - startNanos) / 1_000_000, next.key(),
                    next.value()), (metadata, error) -> acknowledge(due, calledAt, size, error));
            sent.lazySet(i + 1);
        }
    }

    private static void waitUntil(long due) {
        for (var left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
            if (left > SPIN_BELOW_NANOS) {
                LockSupport.parkNanos(left - SPIN_BELOW_NANOS);
            } else {
                Thread.onSpinWait();
            }
        }
    }

    private void acknowledge(long due, long calledAt, int size, Exception error) {
        var now = System.nanoTime();
        if (error != null) {
            failed.increment();
            if (firstErrors.size() < ERRORS_KEPT) {
                firstErrors.add(error.getClass().getSimpleName() + ": " + error.getMessage());
            }
            return;
        }
        ackRecorder.recordValue(Math.max(0, (now - due) / 1000));
        if (calledAt != due) { // flat out they are the same: record once, report it for both
            serviceRecorder.recordValue(Math.max(0, (now - calledAt) / 1000));
        }
        acknowledged.increment();
        acknowledgedBytes.add(size);
    }

    /** A second has passed: fold the recorders' interval into the totals, the timeline and a progress line. */
    private synchronized void tick() {
        var ack = ackRecorder.getIntervalHistogram();
        var service = plan.flatOut() ? ack : serviceRecorder.getIntervalHistogram();
        var endToEnd = endToEndRecorder.getIntervalHistogram();
        ackTotal.add(ack);
        serviceTotal.add(service);
        endToEndTotal.add(endToEnd);
        if (ack.getTotalCount() == 0 && endToEnd.getTotalCount() == 0 && !timeline.isEmpty()) {
            return;
        }
        var second = timeline.size() + 1;
        var row = new LoadReport.Second(second, ack.getTotalCount(), ack.getValueAtPercentile(50) / 1000.0,
                ack.getValueAtPercentile(99) / 1000.0, endToEnd.getValueAtPercentile(99) / 1000.0);
        timeline.add(row);
        progress.accept(String.format("%4d s  sent %,d  acknowledged %,d  failed %,d  %,d records/s  ack p99 %.1f ms%s",
                second, sent.get(), acknowledged.sum(), failed.sum(), row.acknowledged(), row.ackP99(),
                plan.endToEnd() ? String.format("  end-to-end p99 %.1f ms (read %,d)", row.endToEndP99(), consumed.get()) : ""));
    }

    /** The consumer of the end-to-end measurement: reads every partition of the topic from its end at the start. */
    private static final class EndToEndReader {

        private final Thread thread;
        private final AtomicLong consumed;

        private EndToEndReader(Thread thread, AtomicLong consumed) {
            this.thread = thread;
            this.consumed = consumed;
        }

        static EndToEndReader start(LoadPlan plan, Recorder recorder, AtomicLong consumed, AtomicBoolean stop) {
            var consumer = new KafkaConsumer<byte[], byte[]>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, plan.bootstrap(),
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
            var partitions = consumer.partitionsFor(plan.topic(), Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolved now: records written from here on are the run's
            var thread = new Thread(() -> {
                try (consumer) {
                    while (!stop.get()) {
                        for (var record : consumer.poll(Duration.ofMillis(100))) {
                            recorder.recordValue(Math.max(0, (System.currentTimeMillis() - record.timestamp()) * 1000));
                            consumed.incrementAndGet();
                        }
                    }
                }
            }, "lab-load-end-to-end");
            thread.setDaemon(true);
            thread.start();
            return new EndToEndReader(thread, consumed);
        }

        void awaitCaughtUp(long records, Duration atMost) {
            var deadline = System.nanoTime() + atMost.toNanos();
            while (consumed.get() < records && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }

        void join() {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
