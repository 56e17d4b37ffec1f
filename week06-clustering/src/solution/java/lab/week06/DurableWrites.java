package lab.week06;

import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Exercise 6.3: writes that survive a broker's crash. The shop's orders topic lives on three brokers.
 * When one dies (a kernel panic, kill -9, a pulled cable), writing must go on, nothing acknowledged may
 * be lost, and nothing may be written twice. When two die, the last broker alone must refuse writes: a
 * record acknowledged by one copy is lost if that broker's disk goes too.
 */
public final class DurableWrites {

    private DurableWrites() {
    }

    /** The orders topic: how many copies of each partition, and how many must have a write before it counts. */
    public static NewTopic ordersTopic(String name, int partitions) {
        // Three copies; a write counts once two have it. One broker down: two in sync, writes go on.
        // Two down: one in sync, below the minimum, and acks=all writes are refused (NotEnoughReplicas).
        return new NewTopic(name, partitions, (short) 3)
                .configs(Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2"));
    }

    /** Producer settings (no bootstrap servers, no serializers) for writes that are never lost nor doubled. */
    public static Map<String, Object> producerSettings() {
        return Map.of(
                // Acknowledged only when every in-sync replica has it (and at least min.insync.replicas).
                ProducerConfig.ACKS_CONFIG, "all",
                // The broker drops a retried batch it already has: a lost acknowledgement doubles nothing.
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    }
}
