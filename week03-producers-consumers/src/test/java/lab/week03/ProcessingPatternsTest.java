package lab.week03;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.WithKafka;
import lab.kit.report.BarChart;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@WithKafka
@Tag("ex3.7")
@DisplayName("3.7 Processing patterns: one at a time, in a batch, parallel per partition")
class ProcessingPatternsTest {

    private static final int KEYS = 9;
    private static final int EVENTS_PER_KEY = 30;

    @Test
    @DisplayName("one at a time: when the handler fails, every record before it is committed, none after")
    void oneAtATimeCommitsEachRecord(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("stock", 1);
        kafka.produce(IntStream.range(0, 10).mapToObj(i -> new ProducerRecord<>(topic, "sku-1", "e-" + i)).toList());
        var group = kafka.uniqueName("stock-updater");
        var consumer = subscribed(kafka, group, topic);
        var handled = new ArrayList<String>();

        LabAwait.until("the handler's failure on e-6 to reach the caller (does oneAtATime rethrow it?)").until(() -> {
            try {
                ProcessingPatterns.oneAtATime(consumer, record -> {
                    if (record.value().equals("e-6")) {
                        throw new HandlerFailed(record.value());
                    }
                    handled.add(record.value());
                });
                return false;
            } catch (HandlerFailed expected) {
                return true;
            }
        });

        assertThat(handled).as("records handled before the failure").containsExactly("e-0", "e-1", "e-2", "e-3", "e-4", "e-5");
        assertThat(kafka.committedOffset(group, new TopicPartition(topic, 0)))
                .as("committed offset: the failed record e-6 (offset 6) is the next to read").hasValue(6);
        assertThat(consumer.position(new TopicPartition(topic, 0))).as("position of the consumer after the failure on e-6, "
                + "where its next poll starts (poll() had moved past the whole poll: seek back to e-6, offset 6)").isEqualTo(6);

        var retried = new ArrayList<String>();
        drain(4, "(after the failure, poll() had moved past the failed records: were they sought back?)", () -> ProcessingPatterns.oneAtATime(consumer, record -> retried.add(record.value())));
        assertThat(retried).as("records the same consumer handles next (poll() had moved past e-6: was it sought back?)")
                .containsExactly("e-6", "e-7", "e-8", "e-9");
    }

    @Test
    @DisplayName("in a batch: one handler call per poll and one commit after it; a failed batch is not committed")
    void inBatchCommitsAfterTheBatch(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("stock", 3);
        kafka.produce(keyedEvents(topic));
        var total = KEYS * EVENTS_PER_KEY;

        var failingGroup = kafka.uniqueName("bulk-writer-failing");
        var failing = subscribed(kafka, failingGroup, topic);
        LabAwait.until("the failing handler's error to reach the caller (does inBatch rethrow it?)").until(() -> {
            try {
                return ProcessingPatterns.inBatch(failing, batch -> {
                    throw new HandlerFailed("bulk insert of " + batch.size());
                }) > 0;
            } catch (HandlerFailed expected) {
                return true;
            }
        });
        for (int partition = 0; partition < 3; partition++) {
            assertThat(kafka.committedOffset(failingGroup, new TopicPartition(topic, partition)))
                    .as("committed offset of partition %d after its batch failed", partition).isEmpty();
            assertThat(failing.position(new TopicPartition(topic, partition))).as("partition %d: position after the failed "
                    + "batch, where the next poll starts (poll() had moved past the batch: seek back to its first record)",
                    partition).isZero();
        }
        assertThat(drain(total, "(after the failure, poll() had moved past the failed records: were they sought back?)", () -> ProcessingPatterns.inBatch(failing, batch -> { })))
                .as("records the same consumer processes after the failed batch: all %d (poll() had moved past the "
                        + "failed batch: was it sought back?)", total).isEqualTo(total);

        var group = kafka.uniqueName("bulk-writer");
        var consumer = subscribed(kafka, group, topic);
        var batches = new CopyOnWriteArrayList<Integer>();
        var handled = drain(total, () -> ProcessingPatterns.inBatch(consumer, batch -> batches.add(batch.size())));

        assertThat(handled).as("records processed").isEqualTo(total);
        assertThat(batches).as("sizes of the batches handed to the handler").doesNotContain(0)
                .hasSizeLessThan(total / 10).satisfies(sizes -> assertThat(sizes.stream().mapToInt(i -> i).sum()).isEqualTo(total));
        assertFullyCommitted(kafka, group, topic);
    }

    @Test
    @DisplayName("parallel per partition: workers handle partitions side by side and each key's events stay in order")
    void parallelKeepsKeyOrder(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("stock", 3);
        kafka.produce(keyedEvents(topic));
        var group = kafka.uniqueName("stock-updater");
        var consumer = subscribed(kafka, group, topic);
        var pollingThread = Thread.currentThread().getName();
        var seenByKey = new ConcurrentHashMap<String, List<Integer>>();
        var threads = ConcurrentHashMap.<String>newKeySet();
        var workers = Executors.newFixedThreadPool(3);
        kafka.closeAfterTest(workers::shutdownNow);

        var handled = drain(KEYS * EVENTS_PER_KEY, () -> ProcessingPatterns.parallelPerPartition(consumer, record -> {
            if (Integer.parseInt(record.value()) % 2 == 0) {
                SlowStore.write(); // even events are slow: if one partition's records ran side by side, odd ones would overtake
            }
            threads.add(Thread.currentThread().getName());
            seenByKey.computeIfAbsent(record.key(), key -> Collections.synchronizedList(new ArrayList<>()))
                    .add(Integer.parseInt(record.value()));
        }, workers));

        assertThat(handled).as("records processed").isEqualTo(KEYS * EVENTS_PER_KEY);
        assertThat(threads).as("threads that handled records (the polling thread is %s)", pollingThread)
                .doesNotContain(pollingThread).hasSizeGreaterThan(1);
        seenByKey.forEach((key, sequence) -> assertThat(sequence).as("events of %s in the order handled", key)
                .isSorted().hasSize(EVENTS_PER_KEY));
        assertFullyCommitted(kafka, group, topic);
    }

    @Test
    @DisplayName("parallel per partition: a failed partition is not committed and is handled again; the others are committed")
    void parallelFailureCommitsTheOthers(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("stock", 3);
        var perPartition = 5;
        kafka.produce(IntStream.range(0, 3 * perPartition)
                .mapToObj(i -> new ProducerRecord<>(topic, i % 3, "k-" + i % 3, String.valueOf(i / 3))).toList());
        var group = kafka.uniqueName("stock-updater");
        var consumer = subscribed(kafka, group, topic);
        var workers = Executors.newFixedThreadPool(3);
        kafka.closeAfterTest(workers::shutdownNow);

        var others = new AtomicInteger();
        var failures = new AtomicInteger();
        // Partitions 0 and 2 may come in the same poll as partition 1 or in others; run rounds until all
        // their records were handled and partition 1 has failed.
        LabAwait.until("partition 1's handler to fail, and partitions 0 and 2 to be handled").until(() -> {
            try {
                ProcessingPatterns.parallelPerPartition(consumer, record -> {
                    if (record.partition() == 1) {
                        throw new HandlerFailed(record.key() + " " + record.value());
                    }
                    others.incrementAndGet();
                }, workers);
            } catch (RuntimeException partition1Failed) {
                if (!causedBy(partition1Failed, HandlerFailed.class)) {
                    throw partition1Failed; // not the handler's failure: the method's own
                }
                failures.incrementAndGet();
            }
            return failures.get() > 0 && others.get() >= 2 * perPartition;
        });

        assertThat(kafka.committedOffset(group, new TopicPartition(topic, 1))).as("committed offset of the failed "
                + "partition 1").isEmpty();
        for (var partition : List.of(0, 2)) {
            assertThat(kafka.committedOffset(group, new TopicPartition(topic, partition)))
                    .as("committed offset of partition %d, whose records were all handled", partition).hasValue(perPartition);
        }
        assertThat(consumer.position(new TopicPartition(topic, 1))).as("partition 1's position after its records failed, "
                + "where the next poll starts (poll() had moved past them: seek back to the partition's first record)").isZero();

        var again = new CopyOnWriteArrayList<String>();
        drain(perPartition, "(after the failure, poll() had moved past the failed records: were they sought back?)",
                () -> ProcessingPatterns.parallelPerPartition(consumer, record -> again.add(record.value()), workers));
        assertThat(again).as("partition 1's records, handled by the same consumer after the failure (poll() had moved "
                + "past them: were they sought back?)").containsExactly("0", "1", "2", "3", "4");
    }

    @Test
    @DisplayName("the three patterns against a slow store (2 ms per write): records per second go to a report")
    void patternsMeasured(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("stock", 3);
        kafka.produce(keyedEvents(topic));
        var total = KEYS * EVENTS_PER_KEY;
        var workers = Executors.newFixedThreadPool(3);
        kafka.closeAfterTest(workers::shutdownNow);

        var writes = new AtomicInteger();
        var oneAtATime = recordsPerSecond(kafka, topic, consumer ->
                ProcessingPatterns.oneAtATime(consumer, record -> SlowStore.write(writes)));
        assertThat(writes).as("store writes one at a time: one per record").hasValue(total);
        writes.set(0);
        var inBatch = recordsPerSecond(kafka, topic, consumer ->
                ProcessingPatterns.inBatch(consumer, batch -> SlowStore.write(writes)));
        assertThat(writes.get()).as("store writes in batches: one per poll, far fewer than records").isLessThan(total / 10);
        writes.set(0);
        var parallel = recordsPerSecond(kafka, topic, consumer ->
                ProcessingPatterns.parallelPerPartition(consumer, record -> SlowStore.write(writes), workers));
        assertThat(writes).as("store writes in parallel: one per record").hasValue(total);

        new BarChart("3.7 records per second, " + total + " records, a store that takes 2 ms per write", "records/s")
                .bar("one at a time", oneAtATime)
                .bar("in a batch", inBatch)
                .bar("parallel per partition", parallel)
                .write("week03-processing-patterns");
    }

    /** Stands in for a database: every write, of one row or many, costs one 2 ms round trip. */
    private static final class SlowStore {
        static void write(AtomicInteger writes) {
            writes.incrementAndGet();
            write();
        }

        static void write() {
            try {
                TimeUnit.MILLISECONDS.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static double recordsPerSecond(KafkaLab kafka, String topic, ToIntFunction<Consumer<String, String>> round) {
        var consumer = kafka.newConsumer(kafka.manualCommitConfig(kafka.uniqueName("measured")));
        var total = KEYS * EVENTS_PER_KEY;
        // Join the group before the clock starts, with the partitions paused so the joining polls fetch
        // nothing (a fetch waiting at the broker would delay the first measured poll).
        consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                consumer.pause(partitions);
            }
        });
        LabAwait.until("the measuring consumer to be assigned " + topic).until(() -> {
            consumer.poll(ProcessingPatterns.POLL);
            return !consumer.assignment().isEmpty();
        });
        consumer.resume(consumer.assignment());
        var start = System.nanoTime();
        drain(total, () -> round.applyAsInt(consumer));
        return total / ((System.nanoTime() - start) / 1e9);
    }

    /** Runs poll rounds until {@code expected} records were processed; returns how many were. */
    private static int drain(int expected, java.util.function.IntSupplier round) {
        return drain(expected, "", round);
    }

    /** {@link #drain(int, java.util.function.IntSupplier)}, whose timeout says how many came, and {@code hint}. */
    private static int drain(int expected, String hint, java.util.function.IntSupplier round) {
        var processed = new AtomicInteger();
        LabAwait.until(expected + " records processed").untilAsserted(() -> assertThat(processed.addAndGet(round.getAsInt()))
                .as("records processed so far %s", hint).isGreaterThanOrEqualTo(expected));
        return processed.get();
    }

    private static Consumer<String, String> subscribed(KafkaLab kafka, String group, String topic) {
        var consumer = kafka.newConsumer(kafka.manualCommitConfig(group)); // only the pattern's own commits count
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** Key k-0 ... k-8, each with events 0 ... 29 in order. */
    private static List<ProducerRecord<String, String>> keyedEvents(String topic) {
        return IntStream.range(0, EVENTS_PER_KEY).boxed()
                .flatMap(event -> IntStream.range(0, KEYS).mapToObj(key -> new ProducerRecord<>(topic, "k-" + key, String.valueOf(event))))
                .toList();
    }

    private static void assertFullyCommitted(KafkaLab kafka, String group, String topic) throws Exception {
        var partitions = IntStream.range(0, 3).mapToObj(p -> new TopicPartition(topic, p)).toList();
        Map<TopicPartition, Long> ends = kafka.newConsumerWithoutGroup().endOffsets(partitions);
        for (var partition : partitions) {
            assertThat(kafka.committedOffset(group, partition)).as("committed offset of %s", partition).hasValue(ends.get(partition));
        }
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (var cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static final class HandlerFailed extends RuntimeException {
        HandlerFailed(String what) {
            super("handler failed on " + what);
        }
    }
}
