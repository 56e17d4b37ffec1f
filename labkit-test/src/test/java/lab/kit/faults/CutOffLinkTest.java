package lab.kit.faults;

import java.util.Map;
import java.util.concurrent.ExecutionException;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
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

    @Test
    @DisplayName("a connection that lost a request while cut is closed on reconnect, so the client starts clean")
    void lossyConnectionsAreClosed(KafkaLab kafka) throws Exception {
        var admin = kafka.admin();
        admin.describeCluster().nodes().get();

        kafka.link().cutOff();
        var whileCut = admin.describeCluster(new DescribeClusterOptions().timeoutMs(500)).nodes();
        assertThatThrownBy(whileCut::get).hasCauseInstanceOf(TimeoutException.class);
        kafka.link().reconnect();

        // Left open, the connection would deliver the answer to the lost request's successor where the
        // client waits for the lost one's, and the client would fail with a CorrelationIdMismatchException.
        assertThat(kafka.link().connectionsClosedOnReconnect()).as("connections closed on reconnect").isPositive();
        assertThat(admin.describeCluster().nodes().get()).as("brokers described after reconnect").hasSize(1);
    }
}
