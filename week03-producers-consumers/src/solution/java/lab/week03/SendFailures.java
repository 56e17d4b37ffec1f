package lab.week03;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * Exercise 3.6: retriable and fatal errors, and the one deadline that bounds a send. The producer
 * retries a retriable error (a {@code RetriableException}) by itself, each attempt bounded by
 * {@code request.timeout.ms}, until {@code delivery.timeout.ms} has passed since the send; only then
 * does your callback hear of it. Other errors reach you at once, and they say either "this record is
 * wrong" or "this producer is finished".
 */
public final class SendFailures {

    private SendFailures() {
    }

    /**
     * Producer settings (bootstrap servers and serializers are added by the caller) that store every
     * record once, with acknowledgement from all in-sync replicas, and give every send an outcome
     * within {@code deliveryTimeout}, retries included.
     */
    public static Map<String, Object> boundedDelivery(Duration deliveryTimeout) {
        var delivery = (int) deliveryTimeout.toMillis();
        return Map.of(ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, delivery,
                // A third of the deadline per attempt leaves room for two retries; retries itself stays
                // at its default (unlimited): the deadline, not a count, ends them.
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, delivery / 3);
    }

    /** What a send's failure (the callback's exception, or the cause inside an ExecutionException) means. */
    public static FailureKind classify(Throwable failure) {
        if (failure instanceof ProducerFencedException
                || failure instanceof OutOfOrderSequenceException
                || failure instanceof AuthenticationException
                || failure instanceof AuthorizationException
                || failure instanceof TransactionalIdAuthorizationException
                || failure instanceof UnsupportedVersionException) {
            return FailureKind.PRODUCER_FATAL;
        }
        // A retriable error reaches the caller only once delivery.timeout.ms is used up.
        if (failure instanceof RetriableException) {
            return FailureKind.RETRIES_EXHAUSTED;
        }
        if (failure instanceof RecordTooLargeException
                || failure instanceof RecordBatchTooLargeException
                || failure instanceof SerializationException
                || failure instanceof InvalidTopicException) {
            return FailureKind.BAD_RECORD;
        }
        // An error nobody planned for: stop and let a person look, rather than carry on past records.
        return FailureKind.PRODUCER_FATAL;
    }
}
