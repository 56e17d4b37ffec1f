package lab.week03;

import java.util.Map;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@WithKafka
@Tag("ex3.1")
@DisplayName("3.1 Send outcomes a service can act on")
class SafeSenderTest {

    @Test
    @DisplayName("a stored record says where it was stored")
    void stored(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 1);

        var outcome = SafeSender.send(kafka.newProducer(), new ProducerRecord<>(topic, "o-1", "{\"sku\":\"beans\"}"));

        assertThat(outcome.kind()).as("outcome of a plain send: %s", outcome).isEqualTo(SendOutcome.Kind.STORED);
        assertThat(outcome.detail()).as("detail of a stored send: where it was stored").isEqualTo("offset 0");
    }

    @Test
    @DisplayName("a record larger than max.request.size is TOO_LARGE, not an exception")
    void tooLarge(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 1);
        var producer = producer(kafka, Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1024));

        var outcome = SafeSender.send(producer, new ProducerRecord<>(topic, "o-1", "x".repeat(4096)));

        assertThat(outcome.kind()).as("outcome of a 4 KB record with max.request.size 1 KB: %s", outcome)
                .isEqualTo(SendOutcome.Kind.TOO_LARGE);
    }

    @Test
    @DisplayName("a topic that does not exist is TOPIC_MISSING, naming the topic")
    void topicMissing(KafkaLab kafka) throws Exception {
        var missing = kafka.uniqueName("no-such-topic");
        // The producer waits for a missing topic's metadata until max.block.ms (60 s by default).
        var producer = producer(kafka, Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1500));

        var outcome = SafeSender.send(producer, new ProducerRecord<>(missing, "o-1", "{}"));

        assertThat(outcome.kind()).as("outcome of a send to a topic that does not exist: %s", outcome)
                .isEqualTo(SendOutcome.Kind.TOPIC_MISSING);
        assertThat(outcome.detail()).as("the detail should name the topic").contains(missing);
    }

    private static KafkaProducer<String, String> producer(KafkaLab kafka, Map<String, Object> settings) {
        var config = kafka.producerConfig();
        config.putAll(settings);
        return kafka.closeAfterTest(new KafkaProducer<>(config));
    }
}
