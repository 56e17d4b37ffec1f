package lab.week08;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import lab.kit.security.SecuredCluster.Listener;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The learner's TLS settings against a real broker's TLS listener, whose certificate the shop's CA (made
 * at the test's start) signed; and against an impostor: a listener whose certificate the same CA signed,
 * but for another host.
 */
@WithKafka(secured = true)
@Tag("ex8.1")
@DisplayName("8.1 A client over TLS, trusting the shop's CA")
class TlsClientTest {

    @Test
    @DisplayName("a payment written over TLS is read back over TLS")
    void roundTrip(KafkaLab kafka) {
        var security = kafka.security();
        var settings = TlsClient.settings(Clients.truststore(security.ca().truststore()));
        var topic = kafka.createTopic("payments", 1);
        var producerConfig = new HashMap<>(Clients.at(security.bootstrap(Listener.SSL), Map.of()));
        producerConfig.remove("default.api.timeout.ms"); // an Admin setting; the producer would warn of it
        producerConfig.putAll(settings);
        // A client that cannot reach the listener fails within seconds, not after the producer's default minute.
        producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        producerConfig.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5_000);
        producerConfig.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000);

        try (var producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "pay-1", "payment.authorized")).get();
        } catch (Exception e) {
            throw new AssertionError("Writing over TLS with your settings " + settings + " failed:" + Clients.chain(e), e);
        }
        var consumerConfig = new HashMap<String, Object>(settings);
        consumerConfig.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, security.bootstrap(Listener.SSL));
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, kafka.uniqueName("payments-reader"));
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            var read = new java.util.ArrayList<String>();
            var deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (read.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> read.add(record.value()));
            }

            assertThat(read).as("payments read back over TLS with your settings").containsExactly("payment.authorized");
        }
    }

    @Test
    @DisplayName("the settings ask for TLS: security.protocol SSL, and the host name check left on")
    void asksForTls() {
        var settings = TlsClient.settings(new Truststore(java.nio.file.Path.of("shop-ca.p12"), "secret", "PKCS12"));

        assertThat(settings.get(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG)).as("security.protocol in %s", settings)
                .hasToString("SSL");
        assertThat(settings.getOrDefault("ssl.endpoint.identification.algorithm", "https")).as("ssl.endpoint.identification"
                + ".algorithm in %s: without it, a certificate for any host passes", settings).hasToString("https");
    }

    @Test
    @DisplayName("an impostor with a certificate from the same CA, but for another host, is refused")
    void impostorRefused(KafkaLab kafka) {
        var security = kafka.security();
        var settings = TlsClient.settings(Clients.truststore(security.ca().truststore()));

        var failure = Clients.failureOf(Clients.at(security.bootstrap(Listener.IMPOSTOR), settings));

        assertThat(failure).as("what your client said to a broker at localhost showing a certificate for payments.example.com"
                + " (signed by the shop's CA): it must refuse it, or anyone with a certificate from that CA could stand in"
                + " for the broker. Is the host name check (ssl.endpoint.identification.algorithm) off?")
                .isInstanceOf(SslAuthenticationException.class);
    }
}
