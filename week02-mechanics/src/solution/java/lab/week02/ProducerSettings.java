package lab.week02;

import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Exercise 2.10: the producer side of delivery guarantees. When an acknowledgement is lost on the way
 * back, the producer cannot tell "not stored" from "stored, answer lost", so it sends again. Without
 * idempotence the broker stores a second copy; with it, each batch carries a producer id and a sequence
 * number and the broker recognises the retry.
 */
public final class ProducerSettings {

    private ProducerSettings() {
    }

    /** At least once: wait for all in-sync replicas and retry, but without idempotence. */
    public static Map<String, Object> atLeastOnce() {
        return Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                // Off on purpose, to see what it prevents: a retried batch is stored again.
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
    }

    /** Idempotent: the same, plus the broker drops the producer's own retries (the default since 3.0). */
    public static Map<String, Object> idempotent() {
        return Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    }
}
