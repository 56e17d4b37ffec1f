package lab.week03;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import static org.assertj.core.api.Assertions.assertThat;

/** What the tests of the processing patterns (3.7 to 3.9) share: keyed events, a slow store, draining. */
final class PatternFixtures {

    static final int KEYS = 9;
    static final int EVENTS_PER_KEY = 30;
    static final int TOTAL = KEYS * EVENTS_PER_KEY;

    private PatternFixtures() {
    }

    /** Key k-0 ... k-8, each with events 0 ... 29 in order. */
    static List<ProducerRecord<String, String>> keyedEvents(String topic) {
        return IntStream.range(0, EVENTS_PER_KEY).boxed()
                .flatMap(event -> IntStream.range(0, KEYS).mapToObj(key -> new ProducerRecord<>(topic, "k-" + key, String.valueOf(event))))
                .toList();
    }

    static Consumer<String, String> subscribed(KafkaLab kafka, String group, String topic) {
        var consumer = kafka.newConsumer(kafka.manualCommitConfig(group)); // only the pattern's own commits count
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** Runs poll rounds until {@code expected} records were processed; returns how many were. */
    static int drain(int expected, IntSupplier round) {
        return drain(expected, "", round);
    }

    /** {@link #drain(int, IntSupplier)}, whose timeout says how many came, and {@code hint}. */
    static int drain(int expected, String hint, IntSupplier round) {
        var processed = new AtomicInteger();
        LabAwait.until(expected + " records processed").untilAsserted(() -> assertThat(processed.addAndGet(round.getAsInt()))
                .as("records processed so far %s", hint).isGreaterThanOrEqualTo(expected));
        return processed.get();
    }

    static void assertFullyCommitted(KafkaLab kafka, String group, String topic, int partitions) throws Exception {
        var all = IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic, p)).toList();
        Map<TopicPartition, Long> ends = kafka.newConsumerWithoutGroup().endOffsets(all);
        for (var partition : all) {
            assertThat(kafka.committedOffset(group, partition)).as("committed offset of %s", partition).hasValue(ends.get(partition));
        }
    }

    static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (var cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** The handler's own failure, told apart from anything the pattern throws. */
    static final class HandlerFailed extends RuntimeException {
        HandlerFailed(String what) {
            super("handler failed on " + what);
        }
    }

    /** Stands in for a database: every write, of one row or many, costs one 2 ms round trip. */
    static final class SlowStore {
        private SlowStore() {
        }

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
}
