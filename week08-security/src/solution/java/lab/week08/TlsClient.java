package lab.week08;

import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * Exercise 8.1: the payment service talks to Kafka over TLS. The broker's certificate is not signed by a
 * public authority but by the shop's own CA, so the JVM's default trust does not know it. The client must
 * trust that CA, and keep checking that the certificate it is shown is for the host it dialled: otherwise
 * anyone with a certificate from that CA could stand in for the broker.
 */
public final class TlsClient {

    private TlsClient() {
    }

    /**
     * Client settings (added to bootstrap.servers and the serializers) for a TLS listener whose
     * certificate {@code shopCa}'s authority signed. They work for producers, consumers and the Admin client.
     */
    public static Map<String, Object> settings(Truststore shopCa) {
        // SSL encrypts and checks the broker's certificate against the truststore. The host name check
        // (ssl.endpoint.identification.algorithm=https) is on by default: it stays on.
        return Map.of(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL",
                SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, shopCa.path().toString(),
                SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, shopCa.password(),
                SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, shopCa.type());
    }
}
