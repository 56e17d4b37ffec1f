package lab.kit.junit;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WithKafka
@DisplayName("The shared single broker")
class SingleBrokerTest {

    @Test
    @DisplayName("reads back what was produced")
    void roundTrip(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("round-trip", 3);

        try (var producer = kafka.newProducer()) {
            producer.send(new ProducerRecord<>(topic, "order-1", "created")).get();
        }

        assertThat(kafka.readAll(topic, 1)).extracting(ConsumerRecord::value).containsExactly("created");
    }

    @Test
    @DisplayName("reads back raw bytes exactly as stored, and services' byte consumers commit only when told")
    void rawBytes(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("raw", 1);
        var notUtf8 = new byte[] {(byte) 0xC3, 0x28, 0x00, (byte) 0xFF};

        kafka.newProducer(Codec.BYTES).send(new ProducerRecord<>(topic, "o-1".getBytes(), notUtf8)).get();

        assertThat(kafka.readAll(topic, 1, Codec.BYTES).get(0).value()).containsExactly(notUtf8);
        assertThat(kafka.manualCommitConfig("g")).containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    }

    @Test
    @DisplayName("gives each test names no other test uses")
    void namesAreUnique(KafkaLab kafka) {
        var first = kafka.uniqueName("orders");
        var second = kafka.uniqueName("orders");

        assertThat(first).startsWith("orders-").isNotEqualTo(second);
    }

    @Test
    @DisplayName("supports the KIP-848 consumer group protocol")
    void consumerGroupProtocol(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("kip848", 2);
        try (var producer = kafka.newProducer()) {
            producer.send(new ProducerRecord<>(topic, "k", "v")).get();
        }
        var config = kafka.consumerConfig(kafka.uniqueName("group"));
        config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer");

        try (var consumer = kafka.closeAfterTest(new KafkaConsumer<String, String>(config))) {
            consumer.subscribe(List.of(topic));

            assertThat(LabAwait.records(consumer, 1)).extracting(ConsumerRecord::value).containsExactly("v");
        }
    }

    @Test
    @DisplayName("runs transactions on one broker; read_committed skips aborted records")
    void transactions(KafkaLab kafka) {
        var topic = kafka.createTopic("tx", 1);
        var config = kafka.producerConfig();
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, kafka.uniqueName("tx-id"));
        try (var producer = new KafkaProducer<String, String>(config)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "aborted"));
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "committed"));
            producer.commitTransaction();
        }
        var consumerConfig = kafka.consumerConfig(kafka.uniqueName("group"));
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());

        try (var consumer = kafka.closeAfterTest(new KafkaConsumer<String, String>(consumerConfig))) {
            consumer.subscribe(List.of(topic));

            assertThat(LabAwait.records(consumer, 1)).extracting(ConsumerRecord::value).containsExactly("committed");
        }
    }

    @Test
    @DisplayName("says how to get a faulty link when the test class did not ask for one")
    void noLinkWithoutAsking(KafkaLab kafka) {
        assertThatThrownBy(kafka::link).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("@WithKafka(faultyLink = true)");
    }

    @Test
    @DisplayName("creates topics with configs")
    void topicConfigs(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("compacted", 1, 1, Map.of("cleanup.policy", "compact"));

        var configs = kafka.admin().describeConfigs(List.of(
                new org.apache.kafka.common.config.ConfigResource(org.apache.kafka.common.config.ConfigResource.Type.TOPIC, topic)))
                .all().get();

        assertThat(configs.values().iterator().next().get("cleanup.policy").value()).isEqualTo("compact");
    }
}
