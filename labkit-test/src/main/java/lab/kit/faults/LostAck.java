package lab.kit.faults;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import lab.kit.broker.TopicReadiness;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The lost acknowledgement, as a repeatable experiment: one record is sent through a {@link FaultyLink}
 * that swallows the broker's answer; the producer times out and retries; how many copies did the broker
 * store? A broker behind the link is started once per JVM, on first use.
 *
 * <pre>{@code
 * long stored = LostAck.copiesStored(Map.of(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false));   // 2
 * }</pre>
 */
public final class LostAck {

    /**
     * Short, so the producer gives up on the lost answer and retries within a test's patience; long enough
     * that a slow machine's answer to the retry is not given up on too, which would store a third copy.
     */
    private static final int REQUEST_TIMEOUT_MS = 3000;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger TOPICS = new AtomicInteger();

    private LostAck() {
    }

    /**
     * Sends one record with a producer made of {@code producerSettings} (bootstrap servers and String
     * serializers are added) while the first acknowledgement is lost, and returns how many copies of it
     * the partition holds.
     */
    public static long copiesStored(Map<String, Object> producerSettings) throws ExecutionException, InterruptedException {
        var topic = createTopic();
        var config = new HashMap<>(producerSettings);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Behind.CLUSTER.bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS);
        try (var producer = new KafkaProducer<String, String>(config)) {
            producer.partitionsFor(topic);           // metadata first: only the Produce answer is lost
            Behind.CLUSTER.link().dropProduceResponses(1);
            producer.send(new ProducerRecord<>(topic, "pay-1", "charge 10.00 EUR")).get();
        }
        return endOffset(topic);
    }

    private static String createTopic() throws ExecutionException, InterruptedException {
        var name = "lost-ack-" + TOPICS.incrementAndGet();
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Behind.CLUSTER.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get();
            // The lost answer must be to a write that was stored, not a NOT_LEADER_OR_FOLLOWER from a log
            // not opened yet: wait until the leader serves the partition.
            TopicReadiness.await(admin, name, "the broker behind the faulty link", READY_TIMEOUT);
        }
        return name;
    }

    private static long endOffset(String topic) {
        var config = Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Behind.CLUSTER.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (var consumer = new KafkaConsumer<String, String>(config)) {
            var partition = new TopicPartition(topic, 0);
            return consumer.endOffsets(List.of(partition)).get(partition);
        }
    }

    /**
     * The broker behind its link (everything goes through the link; only Produce answers are lost),
     * started when first needed and stopped when the JVM ends.
     */
    private static final class Behind {
        static final LinkedCluster CLUSTER = LinkedCluster.start();

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(CLUSTER::close, "lost-ack-shutdown"));
        }
    }
}
