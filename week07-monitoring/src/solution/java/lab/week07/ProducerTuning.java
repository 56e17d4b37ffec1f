package lab.week07;

import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Exercise 7.8: one producer does not fit all traffic. Analytics events want throughput: few, large,
 * compressed requests, and a few milliseconds of waiting cost nothing. Payment commands want latency:
 * every record on its way at once. Both keep acks=all and idempotence: tuning speed never buys it with
 * durability.
 */
public final class ProducerTuning {

    private ProducerTuning() {
    }

    /** Settings (added to the lab's defaults) for high-volume events: batches fill, and they are compressed. */
    public static Map<String, Object> forThroughput() {
        return Map.of(
                ProducerConfig.LINGER_MS_CONFIG, 25,              // wait for a batch to fill, up to 25 ms
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,      // room for it to fill
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");    // JSON compresses well; lz4 costs little CPU
    }

    /** Settings for commands a customer waits on: no waiting for a batch. */
    public static Map<String, Object> forLatency() {
        return Map.of(ProducerConfig.LINGER_MS_CONFIG, 0);         // Kafka 4's default is 5 ms
    }
}
