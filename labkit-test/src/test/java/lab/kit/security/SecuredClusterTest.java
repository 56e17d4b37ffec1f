package lab.kit.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import lab.kit.security.SecuredCluster.Listener;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

@WithKafka(secured = true)
@DisplayName("A broker with secured listeners, certificates and users made at its start")
class SecuredClusterTest {

    private static final String PLAIN = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"%s\" password=\"%s\";";

    @Test
    @DisplayName("TLS: a client that trusts the shop's CA gets in; one that trusts another CA, or reaches the impostor, does not")
    void tls(KafkaLab kafka) {
        var security = kafka.security();
        var trusting = config(security.bootstrap(Listener.SSL), "SSL", security.ca().truststore().asTruststore());

        assertThat(clusterId(trusting)).isNotBlank();
        assertThat(failure(config(security.bootstrap(Listener.SSL), "SSL", security.strangerCa().truststore().asTruststore())))
                .isInstanceOf(SslAuthenticationException.class);
        assertThat(failure(config(security.bootstrap(Listener.IMPOSTOR), "SSL", security.ca().truststore().asTruststore())))
                .isInstanceOf(SslAuthenticationException.class).hasStackTraceContaining("localhost");
    }

    @Test
    @DisplayName("mTLS: a certificate the shop's CA signed gets in; no certificate does not")
    void mutualTls(KafkaLab kafka) {
        var security = kafka.security();
        var service = security.ca().issue("order-service", "CN=order-service,OU=shop,O=Kafka Lab", CertificateAuthority.Validity.days(1));
        var withCertificate = new HashMap<>(security.ca().truststore().asTruststore());
        withCertificate.putAll(service.asKeystore());

        assertThat(clusterId(config(security.bootstrap(Listener.MTLS), "SSL", withCertificate))).isNotBlank();
        assertThat(failure(config(security.bootstrap(Listener.MTLS), "SSL", security.ca().truststore().asTruststore())))
                .isInstanceOf(SslAuthenticationException.class);
    }

    @Test
    @DisplayName("SASL: the configured PLAIN user gets in over TLS; a wrong password does not")
    void sasl(KafkaLab kafka) {
        var security = kafka.security();
        var admin = new HashMap<String, Object>(security.ca().truststore().asTruststore());
        admin.put("sasl.mechanism", "PLAIN");
        admin.put("sasl.jaas.config", PLAIN.formatted("admin", SecuredCluster.PLAIN_USERS.get("admin")));
        var wrong = new HashMap<>(admin);
        wrong.put("sasl.jaas.config", PLAIN.formatted("admin", "guess"));

        assertThat(clusterId(config(security.bootstrap(Listener.SASL_SSL), "SASL_SSL", admin))).isNotBlank();
        assertThat(failure(config(security.bootstrap(Listener.SASL_SSL), "SASL_SSL", wrong)))
                .isInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    @DisplayName("what a new connection costs on each listener (printed): PLAINTEXT, TLS, TLS with SASL PLAIN")
    void connectionCost(KafkaLab kafka) {
        var security = kafka.security();
        var tls = security.ca().truststore().asTruststore();
        var sasl = new HashMap<String, Object>(tls);
        sasl.put("sasl.mechanism", "PLAIN");
        sasl.put("sasl.jaas.config", PLAIN.formatted("admin", SecuredCluster.PLAIN_USERS.get("admin")));
        var costs = new java.util.LinkedHashMap<String, Double>();
        costs.put("PLAINTEXT", medianMillis(config(kafka.bootstrapServers(), "PLAINTEXT", Map.of())));
        costs.put("SSL", medianMillis(config(security.bootstrap(Listener.SSL), "SSL", tls)));
        costs.put("SASL_SSL (PLAIN)", medianMillis(config(security.bootstrap(Listener.SASL_SSL), "SASL_SSL", sasl)));
        System.out.println("[lab] median ms for a new client's first answer (connect, handshake, metadata): " + costs);

        assertThat(costs).allSatisfy((listener, millis) -> assertThat(millis).as(listener).isPositive());
    }

    private static double medianMillis(Map<String, Object> config) {
        var times = new ArrayList<Double>();
        for (var i = 0; i < 7; i++) {
            var start = System.nanoTime();
            clusterId(config);
            times.add((System.nanoTime() - start) / 1e6);
        }
        times.sort(Double::compare);
        return times.get(times.size() / 2);
    }

    private static Map<String, Object> config(String bootstrap, String protocol, Map<String, Object> security) {
        var config = new HashMap<String, Object>(security);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, protocol);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        return config;
    }

    private static String clusterId(Map<String, Object> config) {
        try (var admin = Admin.create(config)) {
            return admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Throwable failure(Map<String, Object> config) {
        return catchThrowable(() -> clusterId(config));
    }

}
