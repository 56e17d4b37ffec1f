package lab.week03;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

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
        // TODO 3.1: send and wait; STORED with "offset N" when it worked. Otherwise look at the cause
        //           inside the ExecutionException: TOO_LARGE, TOPIC_MISSING (naming the topic), or FAILED.
        throw new UnsupportedOperationException("Exercise 3.1 not done yet: see HINTS.md#31");
    }
}
