package lab.week03;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The producer reaches the broker through the kit's faulty link, which a test cuts to take the broker
 * off the network. Each producer first sends one record, so it has its metadata and producer id: the
 * failures below happen to a producer that was working.
 */
@WithKafka(faultyLink = true)
@Tag("ex3.6")
@DisplayName("3.6 Retriable and fatal send errors, and delivery.timeout.ms")
class SendFailuresTest {

    @Test
    @DisplayName("a broker gone for longer than delivery.timeout.ms: the send ends in a timeout, not a hang")
    void outageLongerThanTheDeadline(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("payments", 1);
        var producer = workingProducer(kafka, topic, Duration.ofSeconds(3));

        kafka.link().cutOff();
        var outcome = send(producer, topic, "pay-1");

        LabAwait.until("the send's outcome while the broker is unreachable (is delivery.timeout.ms the 3 s asked for?)")
                .until(outcome::isDone);
        var failure = outcome.handle((stored, error) -> error).join();
        assertThat(failure).as("how the send ended").isInstanceOf(TimeoutException.class);
        assertThat(SendFailures.classify(failure)).as("classify(%s)", failure.getClass().getSimpleName())
                .isEqualTo(FailureKind.RETRIES_EXHAUSTED);
    }

    @Test
    @DisplayName("a short outage never reaches the caller: the producer retries and stores the record once")
    void shortOutageRetriedByTheProducer(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("payments", 1);
        var producer = workingProducer(kafka, topic, Duration.ofSeconds(6));

        kafka.link().cutOff();
        var outcome = send(producer, topic, "pay-2");
        LabAwait.until("the link to swallow the Produce request").until(() -> kafka.link().framesSwallowedWhileCut() > 0);
        kafka.link().reconnect();

        assertThat(outcome.get(LabAwait.TIMEOUT.toSeconds(), TimeUnit.SECONDS).offset()).as("offset of the retried record (one record was sent before the outage)").isEqualTo(1);
        assertThat(kafka.readAll(topic, 2)).extracting(record -> record.key()).containsExactly("warm-up", "pay-2");
    }

    @Test
    @DisplayName("a record too large is a bad record: the producer goes on with the next one")
    void tooLargeIsABadRecord(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("payments", 1);
        var producer = workingProducer(kafka, topic, Duration.ofSeconds(5));

        var failure = catchThrowableOfType(ExecutionException.class,
                () -> producer.send(new ProducerRecord<>(topic, "big", "x".repeat(2 * 1024 * 1024))).get()).getCause();

        assertThat(SendFailures.classify(failure)).as("classify(%s)", failure.getClass().getSimpleName())
                .isEqualTo(FailureKind.BAD_RECORD);
        assertThat(send(producer, topic, "pay-3").get(LabAwait.TIMEOUT.toSeconds(), TimeUnit.SECONDS).offset())
                .as("the next record's offset: the producer goes on after a bad record").isEqualTo(1);
    }

    @Test
    @DisplayName("a producer fenced by a newer instance with its transactional.id is finished")
    void fencedProducerIsFatal(KafkaLab kafka) {
        var topic = kafka.createTopic("payments", 1);
        var transactionalId = kafka.uniqueName("payment-service");
        var old = transactionalProducer(kafka, transactionalId);
        old.initTransactions();
        transactionalProducer(kafka, transactionalId).initTransactions();   // the new instance fences the old

        var sendFailure = catchThrowable(() -> {
            old.beginTransaction();
            old.send(new ProducerRecord<>(topic, "pay-4", "charge")).get();
            old.commitTransaction();
        });
        // Kafka's rule for a transaction that failed: abort it. The abort tells whether the producer can go on.
        var abortFailure = catchThrowable(old::abortTransaction);

        assertThat(sendFailure).as("what the old instance got when it tried to send").isNotNull();
        assertThat(abortFailure).as("what aborting told the old instance").isNotNull();
        assertThat(SendFailures.classify(abortFailure)).as("classify(%s)", abortFailure.getClass().getSimpleName())
                .isEqualTo(FailureKind.PRODUCER_FATAL);
    }

    @Test
    @DisplayName("every error the producer retries by itself means retries exhausted, not only a timeout")
    void everyRetriableErrorIsRetriesExhausted() {
        var retriable = List.of(new NotEnoughReplicasException("not enough in-sync replicas"),
                new NotLeaderOrFollowerException("the leader moved"), new NetworkException("connection lost"));

        for (var failure : retriable) {
            assertThat(SendFailures.classify(failure)).as("classify(%s): a RetriableException, which reaches the "
                    + "caller only once delivery.timeout.ms is used up", failure.getClass().getSimpleName())
                    .isEqualTo(FailureKind.RETRIES_EXHAUSTED);
        }
    }

    @Test
    @DisplayName("an error nobody planned for stops the producer rather than skipping the record")
    void unplannedErrorIsFatal() {
        var unplanned = List.of(new KafkaException("the broker answered something this client cannot read"),
                new IllegalStateException("a bug in the sending code"));

        for (var failure : unplanned) {
            assertThat(SendFailures.classify(failure)).as("classify(%s), an error nobody planned for: stop and look "
                    + "(treating it as one bad record skips records past a broken producer)", failure.getClass().getSimpleName())
                    .isEqualTo(FailureKind.PRODUCER_FATAL);
        }
    }

    @Test
    @DisplayName("the settings: acks from all replicas, idempotence, and attempts that fit in the deadline")
    void boundedDeliverySettings() {
        var settings = SendFailures.boundedDelivery(Duration.ofSeconds(30));

        assertThat(settings).as("settings for a 30 s deadline")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000); // an int: 30000L would not be equal
        assertThat(((Number) settings.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG)).intValue())
                .as("request.timeout.ms: at most half the deadline, so at least one retry fits").isLessThanOrEqualTo(15_000);
    }

    /** A producer of the learner's settings that has already stored one record on {@code topic}. */
    private static KafkaProducer<String, String> workingProducer(KafkaLab kafka, String topic, Duration deadline) throws Exception {
        var producer = kafka.newProducer(SendFailures.boundedDelivery(deadline));
        producer.send(new ProducerRecord<>(topic, "warm-up", "ok")).get();
        return producer;
    }

    private static KafkaProducer<String, String> transactionalProducer(KafkaLab kafka, String transactionalId) {
        return kafka.newProducer(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000));
    }

    /** Sends through the callback, as a service would, and hands the outcome over as a future. */
    private static CompletableFuture<RecordMetadata> send(KafkaProducer<String, String> producer, String topic, String key) {
        var outcome = new CompletableFuture<RecordMetadata>();
        producer.send(new ProducerRecord<>(topic, key, "charge 10.00 EUR"), (stored, error) -> {
            if (error != null) {
                outcome.completeExceptionally(error);
            } else {
                outcome.complete(stored);
            }
        });
        return outcome;
    }
}
