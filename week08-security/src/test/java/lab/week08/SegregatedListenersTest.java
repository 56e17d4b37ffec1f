package lab.week08;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.management.ObjectName;
import javax.management.remote.JMXConnectorFactory;

import lab.kit.broker.LabPorts;
import lab.kit.broker.ProcessCluster;
import lab.kit.junit.Lanes;
import lab.kit.security.CertificateAuthority;
import lab.kit.security.KeyStoreFile;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Two broker processes and a controller, the brokers with the learner's listeners: they must replicate
 * over REPLICATION what the shop writes through CLIENTS; and a client that reaches the brokers' port, in
 * plaintext or trusting the brokers' CA and showing a shop certificate, must be turned away. Two CAs are made here: the shop's (the CLIENTS certificates, the services' certificates) and
 * the brokers' own.
 */
// Its own processes, apart from the week's in-JVM broker: it runs beside the in-JVM classes.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(Lanes.OWN_CLUSTERS)
@Tag("ex8.11")
@DisplayName("8.11 Network segregation: a listener for clients, one for brokers")
class SegregatedListenersTest {

    private static final int[] CLIENT_PORTS = {LabPorts.free(), LabPorts.free()};
    private static final int[] REPLICATION_PORTS = {LabPorts.free(), LabPorts.free()};
    private static final Path FOLDER = folder();
    private static final CertificateAuthority SHOP_CA = CertificateAuthority.create("Shop CA", FOLDER);
    private static final CertificateAuthority BROKERS_CA = CertificateAuthority.create("Brokers CA", FOLDER);
    private static ProcessCluster cluster;

    /** Started by the first test that needs it: each test then fails on its own while the settings are a stub. */
    private static synchronized ProcessCluster brokersWithTheSettings() {
        if (cluster != null) {
            return cluster;
        }
        var validity = CertificateAuthority.Validity.days(1);
        var clientKeys = SHOP_CA.issue("clients-listener", "CN=localhost,OU=brokers,O=Kafka Lab", validity, "localhost");
        var builder = ProcessCluster.builder().brokers(2);
        for (int broker = 0; broker < 2; broker++) {
            var brokerKeys = BROKERS_CA.issue("broker-" + broker, "CN=broker-" + broker + ",OU=brokers,O=Kafka Lab", validity,
                    "localhost");
            var settings = SegregatedListeners.brokerSettings(CLIENT_PORTS[broker], REPLICATION_PORTS[broker],
                    Clients.keystore(clientKeys), Clients.keystore(brokerKeys), Clients.truststore(BROKERS_CA.truststore()));
            int id = broker;
            settings.forEach((key, value) -> builder.nodeConfig(id, key, value));
            builder.brokerPort(broker, CLIENT_PORTS[broker]);
        }
        // The kit's own client waits for the brokers at CLIENTS, as a shop service would.
        shopClient().forEach(builder::clientConfig);
        cluster = builder.start();
        return cluster;
    }

    @AfterAll
    static void stopBrokers() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @DisplayName("what the shop writes through CLIENTS, the brokers replicate over REPLICATION")
    void replicationHasItsOwnListener() throws Exception {
        var brokers = brokersWithTheSettings();
        var topic = "shop.orders-" + System.nanoTime();
        try (var admin = Admin.create(client(CLIENT_PORTS[0], shopClient()))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 2).configs(Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2"))))
                    .all().get();
        }
        try (var producer = new KafkaProducer<>(client(CLIENT_PORTS[1], producerSettings()), new StringSerializer(), new StringSerializer())) {
            for (var order = 0; order < 20; order++) {
                var failure = catchThrowable(producer.send(new ProducerRecord<>(topic, "o-" + order, "order.created"))::get);
                assertThat(failure).as("writing order %d through CLIENTS with acks=all and min.insync.replicas=2: it is"
                        + " acknowledged once the other broker has fetched it, so the brokers must be able to reach each"
                        + " other over the inter-broker listener, with TLS both ways (see broker 0's log: %s)", order,
                        brokers.logFile(0)).isNull();
            }
        }
        var replication = 0.0;
        for (var broker : brokers.brokerIds()) {
            replication += connections(brokers, broker, "REPLICATION");
        }
        assertThat(replication).as("connections open on the brokers' REPLICATION listeners after 20 orders written with"
                + " acks=all and min.insync.replicas=2 (each acknowledged once the other broker fetched it): brokers must"
                + " fetch from each other over REPLICATION (inter.broker.listener.name)").isPositive();
    }

    @Test
    @DisplayName("a client at the REPLICATION port is refused: in plaintext, and over TLS even trusting the brokers' CA")
    void clientsCannotUseTheBrokersDoor() {
        brokersWithTheSettings();
        // The worst case: a service that trusts both CAs (a CA certificate is no secret) and shows its own
        // certificate from the shop's CA.
        var config = new HashMap<>(shopClient());
        var serviceKeys = SHOP_CA.issue("order-service", "CN=order-service,OU=shop,O=Kafka Lab",
                CertificateAuthority.Validity.days(1));
        config.putAll(serviceKeys.asKeystore());
        config.putAll(bothCas().asTruststore());

        var failure = Clients.failureOf(Clients.at("localhost:" + REPLICATION_PORTS[0], config));
        var plaintext = Clients.failureOf(Clients.at("localhost:" + REPLICATION_PORTS[0], Map.of()));

        assertThat(plaintext).as("what a plaintext client got from broker 0's REPLICATION listener: no answer (null"
                + " means it was served: the brokers' door is open to anyone who reaches the port)").isNotNull();
        assertThat(failure).as("what a shop service got from broker 0's REPLICATION listener: it must be refused in"
                    + " the TLS handshake, since only a certificate from the brokers' CA may open it"
                + " (listener.name.replication.ssl.client.auth)").isInstanceOf(SslAuthenticationException.class);
    }

    private static Map<String, Object> client(int port, Map<String, Object> security) {
        var config = new HashMap<String, Object>(security);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        return config;
    }

    /** A shop service's TLS settings: it trusts the shop's CA, and nothing else. */
    private static Map<String, Object> shopClient() {
        var config = new HashMap<String, Object>(SHOP_CA.truststore().asTruststore());
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL");
        return config;
    }

    private static Map<String, Object> producerSettings() {
        var config = new HashMap<>(shopClient());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return config;
    }

    /** A truststore with both CAs' certificates. */
    private static KeyStoreFile bothCas() {
        try {
            var store = java.security.KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("shop-ca", SHOP_CA.certificate());
            store.setCertificateEntry("brokers-ca", BROKERS_CA.certificate());
            var path = FOLDER.resolve("both-cas.p12");
            try (var out = Files.newOutputStream(path)) {
                store.store(out, "both-cas".toCharArray());
            }
            return new KeyStoreFile(path, "both-cas", "PKCS12");
        } catch (Exception e) {
            throw new IllegalStateException("Cannot write a truststore with both CAs", e);
        }
    }

    /** The open connections on one of a broker's listeners, summed over its network threads, read from its JVM. */
    private static double connections(ProcessCluster brokers, int broker, String listener) throws Exception {
        try (var jmx = JMXConnectorFactory.connect(brokers.jmxUrl(broker))) {
            var server = jmx.getMBeanServerConnection();
            var pattern = new ObjectName("kafka.server:type=socket-server-metrics,listener=" + listener + ",networkProcessor=*");
            var total = 0.0;
            for (var name : server.queryNames(pattern, null)) {
                total += ((Number) server.getAttribute(name, "connection-count")).doubleValue();
            }
            return total;
        }
    }

    private static Path folder() {
        try {
            return Files.createDirectories(Path.of(System.getProperty("lab.log.dir", "target"), "security",
                    "segregation-" + ProcessHandle.current().pid()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot make a folder for the test's certificates", e);
        }
    }
}
