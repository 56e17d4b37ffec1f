package lab.week08;

import java.time.Duration;
import java.util.HashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import lab.kit.security.CertificateAuthority.Validity;
import lab.kit.security.SecuredCluster.Listener;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The broker's SSL listener gets a new certificate (same name and hosts, a new key, valid for 30 days)
 * through the learner's rotation, while a producer writes a payment every 20 ms over TLS: no send may fail,
 * and a new connection must be shown the new certificate. A keystore the broker must refuse is refused.
 */
@WithKafka(secured = true)
@Tag("ex8.6")
@DisplayName("8.6 A new broker certificate without a restart")
class CertificateRotationTest {

    @Test
    @DisplayName("while a producer writes over TLS: zero failed sends, and new connections get the new certificate")
    void rotatesUnderLoad(KafkaLab kafka) throws Exception {
        var security = kafka.security();
        var fresh = security.ca().issue("broker-renewed", "CN=localhost,OU=brokers,O=Kafka Lab", Validity.days(30),
                "localhost", "127.0.0.1");
        var before = security.presentedCertificate(Listener.SSL);
        var topic = kafka.createTopic("payments", 1);
        var failures = new CopyOnWriteArrayList<Exception>();
        var acknowledged = new AtomicInteger();
        var writing = new AtomicBoolean(true);
        var config = new HashMap<String, Object>(security.ca().truststore().asTruststore());
        config.put("security.protocol", "SSL");
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, security.bootstrap(Listener.SSL));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            var writer = new Thread(() -> {
                var n = 0;
                while (writing.get()) {
                    producer.send(new ProducerRecord<>(topic, "pay-" + n++, "payment.authorized"), (metadata, error) -> {
                        if (error == null) {
                            acknowledged.incrementAndGet();
                        } else {
                            failures.add(error);
                        }
                    });
                    sleep(20); // the pace of payments, not a wait for a result
                }
            });
            writer.start();
            try {
                sleep(300); // payments flowing before the rotation

                CertificateRotation.rotate(kafka.admin(), security.brokerId(), "SSL", Clients.keystore(fresh));

                sleep(300); // and after it
            } finally {
                writing.set(false);
                writer.join();
            }
            producer.flush();
        }
        // The broker applies a dynamic config when it reads it from the cluster's metadata: a moment later.
        var deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        var after = security.presentedCertificate(Listener.SSL);
        while (!after.getSerialNumber().equals(fresh.certificate().getSerialNumber()) && System.nanoTime() < deadline) {
            sleep(100); // between two looks
            after = security.presentedCertificate(Listener.SSL);
        }

        assertThat(failures).as("sends that failed during the rotation").isEmpty();
        assertThat(acknowledged.get()).as("payments acknowledged around the rotation").isGreaterThan(10);
        assertThat(after.getSerialNumber()).as("the serial of the certificate a new connection to the SSL listener is shown"
                + " after rotate() (before it: %s; the new one: %s). Did the listener's own keystore settings change,"
                + " listener.name.ssl.ssl.keystore.*?", before.getSerialNumber(), fresh.certificate().getSerialNumber())
                .isEqualTo(fresh.certificate().getSerialNumber());
    }

    @Test
    @DisplayName("a keystore for another name is refused by the broker, and rotate() says so")
    void anotherNameRefused(KafkaLab kafka) {
        var security = kafka.security();
        var before = security.presentedCertificate(Listener.SSL);
        var impostor = security.ca().issue("broker-other-name", "CN=payments.example.com,OU=brokers,O=Kafka Lab",
                Validity.days(30), "payments.example.com");

        var refused = catchThrowable(() -> CertificateRotation.rotate(kafka.admin(), security.brokerId(), "SSL",
                Clients.keystore(impostor)));

        assertThat(refused).as("rotate() with a certificate for payments.example.com on a listener whose clients dial"
                + " localhost: the broker refuses a new name, and rotate() must not hide that").isNotNull();
        assertThat(refused.getMessage() + Clients.chain(refused)).as("what rotate() threw: the broker's reason belongs in it")
                .containsIgnoringCase("DistinguishedName");
        assertThat(security.presentedCertificate(Listener.SSL).getSerialNumber()).as("the SSL listener's certificate after"
                + " the refused rotation").isEqualTo(before.getSerialNumber());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
