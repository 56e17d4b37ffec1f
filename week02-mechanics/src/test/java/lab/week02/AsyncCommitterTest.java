package lab.week02;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import lab.kit.junit.Intercept;
import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@WithKafka
@Tag("ex2.12")
@DisplayName("2.12 commitAsync in the loop, commitSync at shutdown")
class AsyncCommitterTest {

    @Test
    @DisplayName("an asynchronous commit lands a moment later, without failures")
    void asyncCommitLands(KafkaLab kafka) throws Exception {
        var setup = new Setup(kafka);
        var consumer = setup.consumer();
        var calls = new CopyOnWriteArrayList<String>();
        var committer = new AsyncCommitter(recordingCalls(consumer, calls));

        committer.batchHandled(Batches.nextBatch(consumer));

        assertThat(calls).as("what batchHandled() called on the consumer: a commit that does not wait")
                .contains("commitAsync").doesNotContain("commitSync");
        // The callback and the commit's completion need the consumer's thread: keep polling while waiting.
        LabAwait.until("the asynchronous commit of offset 3").untilAsserted(() -> {
            consumer.poll(Duration.ofMillis(50));
            assertThat(setup.committed()).hasValue(3L);
        });
        assertThat(committer.failures()).as("commit failures reported to the callback").isEmpty();
    }

    @Test
    @DisplayName("a failed asynchronous commit reaches the callback, and failures() lists it")
    void failedCommitNoted(KafkaLab kafka) throws Exception {
        var setup = new Setup(kafka);
        var consumer = setup.consumer();
        var outcomes = new CopyOnWriteArrayList<String>();
        var committer = new AsyncCommitter(watchingAsyncCommits(consumer, outcomes));
        Batches.nextBatch(consumer);
        // A batch from a topic that does not exist: the broker refuses to commit its offsets.
        var ghost = new ConsumerRecord<>(kafka.uniqueName("no-such-topic"), 0, 7L, "o-9", "order.created");

        committer.batchHandled(List.of(ghost));

        // The callback runs on the consumer's thread: keep polling until the commit has an answer.
        LabAwait.until("the asynchronous commit of the batch to end (is it commitAsync(offsets, callback)?)")
                .untilAsserted(() -> {
                    consumer.poll(Duration.ofMillis(50));
                    assertThat(outcomes).as("how the asynchronous commits ended").isNotEmpty();
                });
        assertThat(committer.failures()).as("commit failures reported to the callback: the commit ended with %s, so "
                + "failures() must list it (does the callback keep the exception it gets?)", outcomes).isNotEmpty();
    }

    @Test
    @DisplayName("shutdown commits synchronously, then closes: the offset is there when it returns")
    void shutdownCommitsSynchronously(KafkaLab kafka) throws Exception {
        var setup = new Setup(kafka);
        var consumer = setup.consumer();
        var lastBatch = Batches.nextBatch(consumer);
        var calls = new CopyOnWriteArrayList<String>();
        var committer = new AsyncCommitter(recordingCalls(consumer, calls));

        committer.shutdown(lastBatch);

        assertThat(calls).as("what shutdown() called on the consumer: a commit that waits (an asynchronous one may "
                + "still be in flight, and nothing comes after it), then close()").containsExactly("commitSync", "close");
        assertThat(setup.committed()).as("offset committed when shutdown() returned").hasValue(3L);
    }

    /** The consumer, noting the name of every method called on it. */
    @SuppressWarnings("unchecked") // the stand-in is of the raw interface
    private static Consumer<String, String> recordingCalls(Consumer<String, String> consumer, List<String> calls) {
        return Intercept.of(Consumer.class, consumer, call -> {
            calls.add(call.method().getName());
            return call.proceed();
        });
    }

    /**
     * The consumer, noting in {@code outcomes} how each {@code commitAsync(offsets, callback)} ended (whatever
     * the callback given does with it), and refusing {@code commitSync}: a commit that waits.
     */
    @SuppressWarnings("unchecked") // the stand-in is of the raw interface; the arguments are of commitAsync's types
    private static Consumer<String, String> watchingAsyncCommits(Consumer<String, String> consumer, List<String> outcomes) {
        return Intercept.of(Consumer.class, consumer, call -> {
            if (call.named("commitSync")) {
                throw new AssertionError("batchHandled() called commitSync: a commit that waits, and retries a failed "
                        + "commit until default.api.timeout.ms; the loop's commit is commitAsync");
            }
            if (!call.named("commitAsync") || call.args().length != 2) {
                return call.proceed();
            }
            var callback = (OffsetCommitCallback) call.args()[1];
            consumer.commitAsync((Map<TopicPartition, OffsetAndMetadata>) call.args()[0], (offsets, exception) -> {
                outcomes.add(exception == null ? "success" : exception.toString());
                if (callback != null) {
                    callback.onComplete(offsets, exception);
                }
            });
            return null;
        });
    }

    private static final class Setup {
        private final KafkaLab kafka;
        private final TopicPartition partition;
        private final String group;

        Setup(KafkaLab kafka) throws Exception {
            this.kafka = kafka;
            this.partition = new TopicPartition(kafka.createTopic("orders", 1), 0);
            this.group = kafka.uniqueName("billing");
            kafka.produce(IntStream.range(0, 3).mapToObj(i -> new ProducerRecord<>(partition.topic(), "o-" + i, "order.created")).toList());
        }

        KafkaConsumer<String, String> consumer() {
            var config = kafka.manualCommitConfig(group);
            var consumer = kafka.newConsumer(config);
            consumer.subscribe(List.of(partition.topic()));
            return consumer;
        }

        OptionalLong committed() throws Exception {
            return kafka.committedOffset(group, partition);
        }
    }
}
