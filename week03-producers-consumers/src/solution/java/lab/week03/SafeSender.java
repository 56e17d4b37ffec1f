package lab.week03;

import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Exercise 3.1: turn a send's failure into an outcome a service can act on. The producer retries what
 * is retriable (a leader moving, a broker restarting) by itself until {@code delivery.timeout.ms}; what
 * reaches your code has either no cure by retrying (a record too large) or is a configuration error (a
 * topic that does not exist, which the producer waits for until {@code max.block.ms}).
 */
public final class SafeSender {

    private SafeSender() {
    }

    /** Sends {@code record}, waits for the outcome, and says what it was; never throws for a failed send. */
    public static SendOutcome send(Producer<String, String> producer, ProducerRecord<String, String> record)
            throws InterruptedException {
        try {
            var stored = producer.send(record).get();
            return new SendOutcome(SendOutcome.Kind.STORED, "offset " + stored.offset());
        } catch (ExecutionException e) {
            // The future carries the real cause; ExecutionException is only the wrapper.
            return outcomeOf(record, e.getCause());
        }
    }

    private static SendOutcome outcomeOf(ProducerRecord<String, String> record, Throwable failure) {
        if (failure instanceof RecordTooLargeException) {
            return new SendOutcome(SendOutcome.Kind.TOO_LARGE, "record for " + record.topic()
                    + " is too large (" + failure.getMessage() + "): split it or store it elsewhere and send a reference");
        }
        // Without the topic, the producer waits for its metadata until max.block.ms, then gives up.
        if (failure instanceof UnknownTopicOrPartitionException
                || failure instanceof TimeoutException && String.valueOf(failure.getMessage()).contains("not present in metadata")) {
            return new SendOutcome(SendOutcome.Kind.TOPIC_MISSING, "topic " + record.topic()
                    + " does not exist: create it (topics are not created on first use here)");
        }
        return new SendOutcome(SendOutcome.Kind.FAILED, failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }
}
