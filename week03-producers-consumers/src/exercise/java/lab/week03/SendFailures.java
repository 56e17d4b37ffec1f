package lab.week03;

import java.time.Duration;
import java.util.Map;

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
        // TODO 3.6: acks, idempotence, delivery.timeout.ms, and a request.timeout.ms short enough that
        //           a retry fits inside the delivery timeout (Kafka checks: delivery >= linger + request).
        throw new UnsupportedOperationException("Exercise 3.6 not done yet: see HINTS.md#36");
    }

    /** What a send's failure (the callback's exception, or the cause inside an ExecutionException) means. */
    public static FailureKind classify(Throwable failure) {
        // TODO 3.6: decide by the exception's type; see FailureKind for the three answers.
        throw new UnsupportedOperationException("Exercise 3.6 not done yet: see HINTS.md#36");
    }
}
