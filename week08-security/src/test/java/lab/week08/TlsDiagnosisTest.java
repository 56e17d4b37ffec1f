package lab.week08;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import lab.kit.security.CertificateAuthority.Validity;
import lab.kit.security.SecuredCluster.Listener;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each failure made for real, on a broker with secured listeners (certificates from a CA made at the test's
 * start); the learner's diagnosis must name it. The messages show the exception chain the learner reads.
 */
@WithKafka(secured = true)
@Tag("ex8.2")
@DisplayName("8.2 Reading a TLS failure")
class TlsDiagnosisTest {

    /** Called once before any failure is made: an unfinished diagnosis stops each test here, not after a timeout. */
    @BeforeEach
    void yourDiagnosisFirst() {
        TlsDiagnosis.diagnose(new IllegalStateException("not a connection problem"));
    }

    @Test
    @DisplayName("a broker whose certificate another CA signed: an untrusted broker")
    void untrustedBroker(KafkaLab kafka) {
        var security = kafka.security();

        expect(TlsProblem.UNTRUSTED_BROKER, "the SSL listener, the client trusting another CA",
                Clients.at(security.bootstrap(Listener.SSL), tls(security.strangerCa().truststore().asTruststore())));
    }

    @Test
    @DisplayName("a certificate for payments.example.com shown at localhost: the wrong host")
    void wrongHost(KafkaLab kafka) {
        var security = kafka.security();

        expect(TlsProblem.WRONG_HOST, "the IMPOSTOR listener (its certificate is for payments.example.com)",
                Clients.at(security.bootstrap(Listener.IMPOSTOR), tls(security.ca().truststore().asTruststore())));
    }

    @Test
    @DisplayName("mutual TLS without a client certificate, or with an expired one: the client's certificate refused")
    void clientCertificateRefused(KafkaLab kafka) {
        var security = kafka.security();
        var expired = security.ca().issue("expired-service", "CN=expired-service,OU=shop,O=Kafka Lab",
                Validity.expired(Duration.ofDays(2)));
        var withExpired = new HashMap<>(tls(security.ca().truststore().asTruststore()));
        withExpired.putAll(expired.asKeystore());

        expect(TlsProblem.CLIENT_CERTIFICATE_REFUSED, "the MTLS listener (client certificates required), with none",
                Clients.at(security.bootstrap(Listener.MTLS), tls(security.ca().truststore().asTruststore())));
        expect(TlsProblem.CLIENT_CERTIFICATE_REFUSED, "the MTLS listener, with a certificate that expired 2 days ago",
                Clients.at(security.bootstrap(Listener.MTLS), withExpired));
    }

    @Test
    @DisplayName("a truststore opened with the wrong password: a bad store, before any connection")
    void badStore(KafkaLab kafka) {
        var security = kafka.security();
        var wrongPassword = new HashMap<>(tls(security.ca().truststore().asTruststore()));
        wrongPassword.put("ssl.truststore.password", "not-the-password");

        expect(TlsProblem.BAD_STORE, "the SSL listener, the truststore's password wrong",
                Clients.at(security.bootstrap(Listener.SSL), wrongPassword));
    }

    @Test
    @DisplayName("TLS to a plaintext port, plaintext to a TLS port: no answer at all")
    void noAnswer(KafkaLab kafka) {
        var security = kafka.security();

        expect(TlsProblem.NO_ANSWER, "the PLAINTEXT listener, the client speaking TLS",
                Clients.at(kafka.bootstrapServers(), tls(security.ca().truststore().asTruststore())));
        expect(TlsProblem.NO_ANSWER, "the SSL listener, the client speaking plaintext",
                Clients.at(security.bootstrap(Listener.SSL), Map.of(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT")));
    }

    @Test
    @DisplayName("what is not a connection problem is other")
    void other() {
        var denied = new TopicAuthorizationException(Set.of("payments"));

        assertThat(TlsDiagnosis.diagnose(denied)).as("diagnose() of %s: the connection worked, the broker said no",
                Clients.chain(denied)).isEqualTo(TlsProblem.OTHER);
        assertThat(TlsDiagnosis.diagnose(new IllegalStateException("a bug of our own"))).as("diagnose() of a plain bug")
                .isEqualTo(TlsProblem.OTHER);
    }

    private static Map<String, Object> tls(Map<String, Object> truststore) {
        var settings = new HashMap<String, Object>(truststore);
        settings.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL");
        return settings;
    }

    private static void expect(TlsProblem expected, String situation, Map<String, Object> config) {
        var failure = Clients.failureOf(config);
        assertThat(failure).as("connecting to %s should fail", situation).isNotNull();

        assertThat(TlsDiagnosis.diagnose(failure)).as("diagnose() for %s, which threw:%s", situation, Clients.chain(failure))
                .isEqualTo(expected);
    }
}
