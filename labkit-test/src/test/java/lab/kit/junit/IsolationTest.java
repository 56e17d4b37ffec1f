package lab.kit.junit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@WithKafka
@DisplayName("Tests sharing a cluster")
class IsolationTest {

    @Test
    @DisplayName("never see each other's data, though they ask for the same topic name")
    void sameBaseNameDifferentTopics(KafkaLab kafka) throws Exception {
        try (var first = new KafkaLab(kafka.cluster(), "first"); var second = new KafkaLab(kafka.cluster(), "second")) {
            var firstTopic = first.createTopic("orders", 1);
            var secondTopic = second.createTopic("orders", 1);

            first.newProducer().send(new ProducerRecord<>(firstTopic, "k", "first's")).get();
            second.newProducer().send(new ProducerRecord<>(secondTopic, "k", "second's")).get();

            assertThat(firstTopic).isNotEqualTo(secondTopic);
            assertThat(first.readAll(firstTopic, 1)).extracting(ConsumerRecord::value).containsExactly("first's");
            assertThat(second.readAll(secondTopic, 1)).extracting(ConsumerRecord::value).containsExactly("second's");
        }
    }
}
