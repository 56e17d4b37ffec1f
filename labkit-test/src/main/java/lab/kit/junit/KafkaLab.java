package lab.kit.junit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import lab.kit.broker.LabCluster;
import lab.kit.broker.TopicReadiness;
import lab.kit.faults.FaultyLink;
import lab.kit.faults.LinkedCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One test's view of the shared Kafka cluster: names no other test uses, clients that are closed when
 * the test ends, and a way to read a topic back. Received as a test parameter with {@link WithKafka}.
 *
 * <pre>{@code
 * var topic = kafka.createTopic("orders", 3);        // "orders-k3x9-7": unique to this test
 * try (var producer = kafka.newProducer()) { ... }
 * var records = kafka.readAll(topic, 5);
 * }</pre>
 */
public final class KafkaLab implements AutoCloseable {

    /** Tells this run's names from an earlier run's on an external cluster that keeps its topics. */
    private static final String RUN_ID = Long.toString(System.currentTimeMillis() % 1_679_616, 36);
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final LabCluster cluster;
    private final String testName;
    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
    private Admin admin;
    private KafkaProducer<String, String> testProducer;

    KafkaLab(LabCluster cluster, String testName) {
        this.cluster = cluster;
        this.testName = testName;
    }

    public LabCluster cluster() {
        return cluster;
    }

    /** The link between this test's clients and the broker; needs {@code @WithKafka(faultyLink = true)}. */
    public FaultyLink link() {
        if (cluster instanceof LinkedCluster linked) {
            return linked.link();
        }
        throw new IllegalStateException("This test uses the network link, but its class does not ask for one:"
                + " annotate it with @WithKafka(faultyLink = true).");
    }

    /** The secured broker's listeners, CA and users; needs {@code @WithKafka(secured = true)}. */
    public lab.kit.security.SecuredCluster security() {
        if (cluster instanceof lab.kit.security.SecuredCluster secured) {
            return secured;
        }
        throw new IllegalStateException("This test uses secured listeners, but its class does not ask for them:"
                + " annotate it with @WithKafka(secured = true).");
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** A topic or group name that starts with {@code base} and that no other test (or run) uses. */
    public String uniqueName(String base) {
        return base + "-" + RUN_ID + "-" + NAMES.incrementAndGet();
    }

    /** Creates a topic of {@code partitions} partitions, one replica each, and returns its unique name. */
    public String createTopic(String base, int partitions) {
        return createTopic(base, partitions, 1, Map.of());
    }

    /** Creates a topic with the given replication factor and topic configs, and returns its unique name. */
    public String createTopic(String base, int partitions, int replicationFactor, Map<String, String> configs) {
        var name = uniqueName(base);
        createExactly(name, partitions, replicationFactor, configs);
        return name;
    }

    /**
     * Creates topics with exactly these names, one replica each: for names built on a unique one, such as
     * {@code orders-x-1.retry.1} and {@code orders-x-1.dlt} next to {@code orders-x-1}.
     */
    public void createTopicsNamed(List<String> names, int partitions) {
        names.forEach(name -> createExactly(name, partitions, 1, Map.of()));
    }

    private void createExactly(String name, int partitions, int replicationFactor, Map<String, String> configs) {
        var topic = new NewTopic(name, partitions, (short) replicationFactor).configs(configs);
        try {
            admin().createTopics(List.of(topic)).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + name, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The kit could not create topic " + name + " (" + partitions
                    + " partitions, RF " + replicationFactor + ") on " + cluster.describe() + ": " + e.getCause(), e);
        }
        awaitTopicReady(name);
    }

    /**
     * Waits until the brokers know {@code topic}, every partition has a leader, and each leader serves
     * it ({@link TopicReadiness}): a produce just after creating a topic can otherwise stall.
     */
    public void awaitTopicReady(String topic) {
        TopicReadiness.await(admin(), topic, cluster.describe(), LabAwait.TIMEOUT);
    }

    /** An Admin client for this cluster, closed after the test. */
    public Admin admin() {
        if (admin == null) {
            admin = closeAfterTest(Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers())));
        }
        return admin;
    }

    /** Producer settings for this cluster with String keys and values; add to them as a test needs. */
    public Map<String, Object> producerConfig() {
        var config = new HashMap<String, Object>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return config;
    }

    /** Consumer settings for this cluster in {@code groupId}, String keys and values, from the earliest offset. */
    public Map<String, Object> consumerConfig(String groupId) {
        var config = new HashMap<String, Object>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return config;
    }

    /** A String producer for this cluster, closed after the test. */
    public KafkaProducer<String, String> newProducer() {
        return newProducer(Codec.STRINGS);
    }

    /** A producer with keys and values in {@code codec} (e.g. {@link Codec#BYTES}), closed after the test. */
    public <K, V> KafkaProducer<K, V> newProducer(Codec<K, V> codec) {
        var config = producerConfig();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, codec.keySerializer());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, codec.valueSerializer());
        return closeAfterTest(new KafkaProducer<>(config));
    }

    /** A String producer with {@link #producerConfig()} plus {@code settings} (which win), closed after the test. */
    public KafkaProducer<String, String> newProducer(Map<String, ?> settings) {
        var config = producerConfig();
        config.putAll(settings);
        return closeAfterTest(new KafkaProducer<>(config));
    }

    /** Sends {@code records} in order with a shared producer and waits until the broker has stored all of them. */
    public void produce(List<ProducerRecord<String, String>> records) throws ExecutionException, InterruptedException {
        if (testProducer == null) {
            testProducer = newProducer();
        }
        var sent = records.stream().map(testProducer::send).toList();
        for (var stored : sent) {
            stored.get();
        }
    }

    /**
     * {@link #consumerConfig(String)} for a service that commits its offsets itself, after handling
     * (enable.auto.commit=false). With auto-commit on, closing the consumer after a failure commits the
     * positions of records that were fetched but never handled: they would be skipped by the next run.
     */
    public Map<String, Object> manualCommitConfig(String groupId) {
        var config = consumerConfig(groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return config;
    }

    /** A String consumer in {@code groupId}, closed after the test. */
    public KafkaConsumer<String, String> newConsumer(String groupId) {
        return closeAfterTest(new KafkaConsumer<>(consumerConfig(groupId)));
    }

    /** A consumer with the given settings (e.g. {@link #consumerConfig(String)} plus a test's own), closed after the test. */
    public KafkaConsumer<String, String> newConsumer(Map<String, Object> config) {
        return closeAfterTest(new KafkaConsumer<>(config));
    }

    /**
     * A consumer with the given settings and keys and values in {@code codec}, closed after the test:
     * {@code kafka.newConsumer(kafka.manualCommitConfig(group), Codec.BYTES)} for a service that reads
     * raw bytes and commits after handling.
     */
    public <K, V> KafkaConsumer<K, V> newConsumer(Map<String, Object> config, Codec<K, V> codec) {
        var withCodec = new HashMap<>(config);
        withCodec.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, codec.keyDeserializer());
        withCodec.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, codec.valueDeserializer());
        return closeAfterTest(new KafkaConsumer<>(withCodec));
    }

    /** A String consumer without a group, for assign() and seek(); closed after the test. */
    public KafkaConsumer<String, String> newConsumerWithoutGroup() {
        return closeAfterTest(new KafkaConsumer<>(consumerConfigWithoutGroup()));
    }

    private Map<String, Object> consumerConfigWithoutGroup() {
        var config = consumerConfig("none");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return config;
    }

    /**
     * Reads {@code topic} from the beginning of every partition, without a group, until at least
     * {@code count} records arrived; fails listing what came otherwise.
     */
    public List<ConsumerRecord<String, String>> readAll(String topic, int count) {
        return readAll(topic, count, Codec.STRINGS);
    }

    /** {@link #readAll(String, int)} in {@code codec}: {@link Codec#BYTES} for records that must be seen exactly as stored. */
    public <K, V> List<ConsumerRecord<K, V>> readAll(String topic, int count, Codec<K, V> codec) {
        var config = consumerConfigWithoutGroup();
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, codec.keyDeserializer());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, codec.valueDeserializer());
        try (var consumer = new KafkaConsumer<K, V>(config)) {
            return readFromBeginning(consumer, topic, count);
        }
    }

    private static <K, V> List<ConsumerRecord<K, V>> readFromBeginning(KafkaConsumer<K, V> consumer, String topic, int count) {
        var partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return LabAwait.records(consumer, count);
    }

    /**
     * How many records {@code topic} holds: the sum of its partitions' end offsets. Exact for topics
     * written without transactions (a transaction adds a commit marker) and never compacted or trimmed.
     */
    public long recordCount(String topic) {
        try (var consumer = new KafkaConsumer<String, String>(consumerConfigWithoutGroup())) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The offset {@code groupId} has committed for {@code partition}; empty when it has committed none. */
    public OptionalLong committedOffset(String groupId, TopicPartition partition) throws ExecutionException, InterruptedException {
        var offset = admin().listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get().get(partition);
        return offset == null ? OptionalLong.empty() : OptionalLong.of(offset.offset());
    }

    /** Closes {@code resource} when the test ends, most recent first. */
    public <T extends AutoCloseable> T closeAfterTest(T resource) {
        toClose.push(resource);
        return resource;
    }

    /** The ids of the cluster's brokers. */
    public Set<Integer> brokerIds() {
        return cluster.brokerIds();
    }

    @Override
    public String toString() {
        return "KafkaLab[" + testName + " on " + cluster.describe() + "]";
    }

    /** Closes every resource, most recent first; one that fails does not keep the others open. */
    @Override
    public void close() throws Exception {
        Exception first = null;
        while (!toClose.isEmpty()) {
            try {
                toClose.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
