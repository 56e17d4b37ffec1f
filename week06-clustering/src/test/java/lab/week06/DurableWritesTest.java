package lab.week06;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import lab.kit.faults.LostAck;
import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAssertions;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Three broker processes: a broker killed here is killed with SIGKILL, as a crash would. */
@WithKafka(brokers = 3, processes = true)
@Tag("ex6.3")
@DisplayName("6.3 Writes that survive a broker's crash")
class DurableWritesTest {

    private static final int RECORDS = 2000;
    /** A failover here takes a few seconds; a write still unacknowledged after 20 s will not be. */
    private static final Map<String, Object> BOUNDED = Map.of(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);

    @Test
    @DisplayName("the topic keeps three copies and counts a write once two have it")
    void topicLayout(KafkaLab kafka) throws Exception {
        var topic = create(kafka, 3);

        var description = kafka.admin().describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        var minIsr = kafka.admin().describeConfigs(List.of(resource)).all().get().get(resource)
                .get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value();

        assertThat(description.partitions()).as("partitions of %s", topic).hasSize(3)
                .allSatisfy(partition -> assertThat(partition.replicas()).as("replicas of partition %d",
                        partition.partition()).hasSize(3));
        assertThat(minIsr).as("min.insync.replicas of %s: with 2, one broker may be down and writes go on", topic)
                .isEqualTo("2");
    }

    @Test
    @DisplayName("with one broker killed, every write is still acknowledged")
    void oneBrokerDown(KafkaLab kafka) throws Exception {
        var topic = create(kafka, 1);
        kafka.cluster().killBroker(leaderOf(kafka, topic));

        try (var producer = producer(kafka, BOUNDED)) {
            var send = producer.send(new ProducerRecord<>(topic, "o-1", "order.created"));

            assertThatCode(send::get).as("the write with one broker of three down: two in-sync copies must be enough."
                    + " Is min.insync.replicas more than 2?").doesNotThrowAnyException();
            assertThat(send.get().offset()).as("offset of the write acknowledged with one broker of three down").isZero();
        }
    }

    @Test
    @DisplayName("with two brokers down, the last one refuses writes instead of keeping the only copy")
    void twoBrokersDown(KafkaLab kafka) throws Exception {
        var topic = create(kafka, 1);
        var survivor = leaderOf(kafka, topic);
        // Both controlled shutdowns at once: one after the other would only take longer.
        kafka.brokerIds().parallelStream().filter(id -> id != survivor).forEach(kafka.cluster()::stopBroker);

        // The test waits 3 s for the refusal, not the producer's default of two minutes: a write that is
        // wrongly acknowledged comes back at once, a refused one is retried until then.
        try (var producer = producer(kafka, Map.of(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_500))) {
            var send = producer.send(new ProducerRecord<>(topic, "o-1", "order.created"));

            LabAssertions.assertFails("a write acknowledged with two of three brokers down: only one copy exists. Is acks"
                    + " 'all', and min.insync.replicas 2?", send::get)
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfAny(NotEnoughReplicasException.class, TimeoutException.class);
        }
    }

    @Test
    @DisplayName("when the leader is killed mid-stream, every acknowledged record is read back once, in order")
    void leaderKilledMidStream(KafkaLab kafka) throws Exception {
        var topic = create(kafka, 1);
        var leader = leaderOf(kafka, topic);
        var acks = new ArrayList<Future<RecordMetadata>>();

        try (var producer = producer(kafka, BOUNDED)) {
            for (int i = 0; i < RECORDS; i++) {
                if (i == RECORDS / 2) {
                    kafka.cluster().killBroker(leader);
                }
                acks.add(producer.send(new ProducerRecord<>(topic, "o-" + i, "order.created")));
            }
            for (var ack : acks) {
                ack.get();
            }
        }

        var values = kafka.readAll(topic, RECORDS).stream().map(ConsumerRecord::key).toList();
        assertThat(values).as("the %d acknowledged orders, read back after leader %d was killed", RECORDS, leader)
                .hasSize(RECORDS).doesNotHaveDuplicates();
        assertThat(values).as("order within the partition").isSortedAccordingTo((a, b) ->
                Integer.compare(Integer.parseInt(a.substring(2)), Integer.parseInt(b.substring(2))));
    }

    @Test
    @DisplayName("an acknowledgement lost on the way stores the retried record once")
    void lostAcknowledgement() throws Exception {
        var copies = LostAck.copiesStored(DurableWrites.producerSettings());

        assertThat(copies).as("copies stored after the broker's answer was lost and the producer retried: is the"
                + " producer idempotent?").isEqualTo(1);
    }

    private static String create(KafkaLab kafka, int partitions) throws Exception {
        var name = kafka.uniqueName("orders");
        kafka.admin().createTopics(List.of(DurableWrites.ordersTopic(name, partitions))).all().get();
        kafka.awaitTopicReady(name);
        return name;
    }

    private static int leaderOf(KafkaLab kafka, String topic) throws Exception {
        return kafka.admin().describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().get(0).leader().id();
    }

    private static KafkaProducer<String, String> producer(KafkaLab kafka, Map<String, Object> testTimeouts) {
        var config = new HashMap<String, Object>(DurableWrites.producerSettings());
        config.putAll(testTimeouts);
        return kafka.newProducer(config);
    }
}
