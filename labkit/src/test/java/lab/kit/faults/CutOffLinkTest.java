package lab.kit.faults;

import java.util.Map;
import java.util.concurrent.ExecutionException;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WithKafka(faultyLink = true)
@DisplayName("A broker behind a link that can be cut off")
class CutOffLinkTest {

    @Test
    @DisplayName("a send while the link is cut times out at delivery.timeout.ms; after reconnect the next is stored")
    void cutThenReconnect(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("cut", 1);
        var producer = kafka.newProducer(Map.of(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000, ProducerConfig.LINGER_MS_CONFIG, 0));
        // A first send gets the metadata and the idempotent producer's id. Without an id the producer
        // keeps asking for one while cut off, and its batches wait past delivery.timeout.ms.
        producer.send(new ProducerRecord<>(topic, "k", "before the cut")).get();

        kafka.link().cutOff();
        var lost = producer.send(new ProducerRecord<>(topic, "k", "while cut"));

        assertThatThrownBy(lost::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class);
        assertThat(kafka.link().framesSwallowedWhileCut()).as("frames swallowed while cut").isPositive();
        kafka.link().reconnect();
        assertThat(producer.send(new ProducerRecord<>(topic, "k", "after reconnect")).get().offset()).isEqualTo(1);
    }
}
