package lab.week06;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import lab.kit.broker.LabPorts;
import lab.kit.broker.ProcessCluster;
import lab.kit.junit.LabAssertions;
import lab.kit.junit.Lanes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two broker processes, each with the listeners of {@link ListenerLayout}: INTERNAL on localhost, EXTERNAL
 * known to clients as 127.0.0.1 (both reach this machine, so the test can tell which address a broker
 * hands out). These tests start their own brokers: a broker's listeners are fixed when it starts.
 */
@Execution(ExecutionMode.CONCURRENT) // beside the main lane (see Lanes)
@ResourceLock(Lanes.OWN_CLUSTERS)
@Tag("ex6.2")
@DisplayName("6.2 Listeners and advertised listeners")
class ListenerLayoutTest {

    private static final String INTERNAL_HOST = "localhost";
    private static final String EXTERNAL_HOST = "127.0.0.1";
    private static final int[] INTERNAL_PORTS = {freePort(), freePort()};
    private static final int[] EXTERNAL_PORTS = {freePort(), freePort()};
    private static ProcessCluster cluster;

    /** Started by the first test that needs it: each test then fails on its own while the layout is a stub. */
    private static synchronized ProcessCluster brokersWithTheLayout() {
        if (cluster != null) {
            return cluster;
        }
        var builder = ProcessCluster.builder().brokers(2);
        for (int broker = 0; broker < 2; broker++) {
            var settings = ListenerLayout.settings(INTERNAL_HOST, INTERNAL_PORTS[broker], EXTERNAL_HOST, EXTERNAL_PORTS[broker]);
            int id = broker;
            settings.forEach((key, value) -> builder.nodeConfig(id, key, value));
            builder.brokerPort(broker, INTERNAL_PORTS[broker]);
        }
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
    @DisplayName("a client that bootstraps on EXTERNAL is told each broker's external address")
    void externalClientsGetExternalAddresses() throws Exception {
        brokersWithTheLayout();
        var bootstrap = EXTERNAL_HOST + ":" + EXTERNAL_PORTS[0];

        var told = addressesToldAt(bootstrap);

        assertThat(told).as("the brokers' addresses handed to a client that bootstrapped at %s (EXTERNAL): each"
                + " broker's advertised EXTERNAL address", bootstrap)
                .containsExactlyInAnyOrder(EXTERNAL_HOST + ":" + EXTERNAL_PORTS[0], EXTERNAL_HOST + ":" + EXTERNAL_PORTS[1]);
    }

    @Test
    @DisplayName("a client that bootstraps on INTERNAL is told each broker's internal address")
    void internalClientsGetInternalAddresses() throws Exception {
        brokersWithTheLayout();
        var bootstrap = INTERNAL_HOST + ":" + INTERNAL_PORTS[1];

        var told = addressesToldAt(bootstrap);

        assertThat(told).as("the brokers' addresses handed to a client that bootstrapped at %s (INTERNAL)", bootstrap)
                .containsExactlyInAnyOrder(INTERNAL_HOST + ":" + INTERNAL_PORTS[0], INTERNAL_HOST + ":" + INTERNAL_PORTS[1]);
    }

    @Test
    @DisplayName("brokers replicate over INTERNAL what clients write through EXTERNAL")
    void brokersReplicateOverInternal() throws Exception {
        brokersWithTheLayout();
        var bootstrap = EXTERNAL_HOST + ":" + EXTERNAL_PORTS[1];
        try (var admin = admin(bootstrap)) {
            var topic = "orders-" + System.nanoTime();
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 2))).all().get();
            try (var producer = producer(bootstrap)) {
                producer.send(new ProducerRecord<>(topic, "o-1", "order.created")).get();
            }

            var broker = new ConfigResource(ConfigResource.Type.BROKER, "0");
            var interBroker = admin.describeConfigs(List.of(broker)).all().get().get(broker).get("inter.broker.listener.name");

            assertThat(interBroker.value()).as("inter.broker.listener.name of broker 0: replication between brokers runs"
                    + " over the INTERNAL listener").isEqualTo("INTERNAL");
            var isr = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().get(0).isr();
            assertThat(isr).as("in-sync replicas of %s-0 after a write: both brokers, so the follower fetched it", topic)
                    .hasSize(2);
        }
    }

    @Test
    @DisplayName("a broker advertising a name its clients cannot resolve: bootstrap works, then sends fail")
    void unreachableAdvertisedAddress() throws Exception {
        var internal = freePort();
        var external = freePort();
        var settings = ListenerLayout.settings(INTERNAL_HOST, internal, "broker-0.shop.invalid", external);
        var builder = ProcessCluster.builder().brokers(1).brokerPort(0, internal);
        settings.forEach((key, value) -> builder.nodeConfig(0, key, value));

        try (var misadvertised = builder.start()) {
            try (var admin = admin(INTERNAL_HOST + ":" + internal)) {
                admin.createTopics(List.of(new NewTopic("orders", 1, (short) 1))).all().get();
            }
            var bootstrap = EXTERNAL_HOST + ":" + external;
            try (var producer = producer(bootstrap)) {
                var leader = producer.partitionsFor("orders").get(0).leader();

                assertThat(leader.host() + ":" + leader.port()).as("the leader of orders-0 as a client that bootstrapped at"
                        + " %s learns it: bootstrap works, and hands out the name advertised on EXTERNAL", bootstrap)
                        .isEqualTo("broker-0.shop.invalid:" + external);
                var send = producer.send(new ProducerRecord<>("orders", "o-1", "order.created"));
                LabAssertions.assertFails("a send through a broker that advertises a name no client can resolve",
                        send::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class);
            }
        }
    }

    private static List<String> addressesToldAt(String bootstrap) throws Exception {
        try (var admin = admin(bootstrap)) {
            return admin.describeCluster().nodes().get().stream().map(node -> node.host() + ":" + node.port())
                    .collect(Collectors.toList());
        }
    }

    private static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        // Short timeouts: the last test expects a send to give up, and should not wait two minutes for it.
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 4_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 4_000), new StringSerializer(), new StringSerializer());
    }

    private static int freePort() {
        return LabPorts.free();
    }
}
