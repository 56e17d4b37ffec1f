package lab.week07;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import lab.kit.broker.ProcessCluster;
import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The learner's diagnosis, on signals written out and on real faults: a healthy link, a cut between a
 * producer and its broker (the kit's faulty link swallows every frame for 2.5 s), and a cut between
 * brokers (a follower's process frozen, so its leader hears nothing from it). The signals are the
 * producer's own metrics and the brokers' ISRs, read the way an on-call engineer would.
 */
@Tag("ex7.11")
@DisplayName("7.11 Troubleshooting: a network cut, and where it is")
class NetworkFaultTest {

    @Test
    @DisplayName("signals written out: the brokers' side first, then the client's, else nothing")
    void signalsWrittenOut() {
        assertThat(NetworkFault.locate(new NetworkSignals(0, 0, 0))).as("no retries, no errors, cluster whole").isEqualTo(FaultPlace.NONE);
        assertThat(NetworkFault.locate(new NetworkSignals(12, 0, 0))).as("12 retries, cluster whole").isEqualTo(FaultPlace.CLIENT_LINK);
        assertThat(NetworkFault.locate(new NetworkSignals(0, 5, 0))).as("5 failed records (retries used up), cluster whole")
                .isEqualTo(FaultPlace.CLIENT_LINK);
        assertThat(NetworkFault.locate(new NetworkSignals(12, 0, 3))).as("12 retries and 3 under-replicated partitions: leaders"
                + " moved because of a cut between brokers, and the clients followed them").isEqualTo(FaultPlace.BROKER_LINK);
        assertThat(NetworkFault.locate(new NetworkSignals(0, 0, 1))).as("1 under-replicated partition, clients fine")
                .isEqualTo(FaultPlace.BROKER_LINK);
    }

    @Nested
    @WithKafka(faultyLink = true)
    @DisplayName("between a producer and its broker")
    class ClientLink {

        @Test
        @DisplayName("a healthy link: nothing")
        void healthy(KafkaLab kafka) throws Exception {
            calmFirst();
            var topic = kafka.createTopic("payments", 1);
            try (var producer = producer(kafka)) {
                var signals = window(kafka.admin(), producer, topic, () -> { });

                assertThat(NetworkFault.locate(signals)).as("the fault for %s", signals).isEqualTo(FaultPlace.NONE);
            }
        }

        @Test
        @DisplayName("a link cut for 2.5 s: the client's link, the cluster being whole")
        void cut(KafkaLab kafka) throws Exception {
            calmFirst();
            var topic = kafka.createTopic("payments", 1);
            try (var producer = producer(kafka)) {
                var signals = window(kafka.admin(), producer, topic, () -> {
                    kafka.link().cutOff();
                    try {
                        TimeUnit.MILLISECONDS.sleep(2500); // the length of the cut under test, not a wait for a result
                    } finally {
                        kafka.link().restore();
                    }
                });

                assertThat(signals.producerRetries()).as("the producer's retries over the cut").isPositive();
                assertThat(NetworkFault.locate(signals)).as("the fault for %s", signals).isEqualTo(FaultPlace.CLIENT_LINK);
            }
        }

        private KafkaProducer<String, String> producer(KafkaLab kafka) {
            return new KafkaProducer<>(withConfig(kafka.producerConfig(), Map.of(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000, ProducerConfig.LINGER_MS_CONFIG, 0)));
        }
    }

    @Nested
    // A cluster of its own: sharing the 3+3 cluster of 7.1, 7.3 and 7.4 saves a start, but a broker frozen
    // here left broker 0's request-handler idle rate above 1 for 7.1 when 7.1 ran after this test.
    @WithKafka(brokers = 3, processes = true)
    @DisplayName("between brokers")
    class BrokerLink {

        @Test
        @DisplayName("a follower cut off from its leader: the brokers' link")
        void followerCutOff(KafkaLab kafka) throws Exception {
            calmFirst();
            var cluster = (ProcessCluster) kafka.cluster();
            var topic = kafka.createTopic("payments", 1, 3, Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2"));
            // Short timeouts: a request that went to the frozen node must give up soon and try another.
            var admin = kafka.closeAfterTest(Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000)));
            var partition = describe(admin, topic).partitions().get(0);
            var follower = partition.replicas().stream().filter(node -> node.id() != partition.leader().id()).findFirst()
                    .orElseThrow().id();
            try (var producer = new KafkaProducer<String, String>(kafka.producerConfig())) {
                var signals = window(admin, producer, topic, () -> {
                    cluster.pauseNode(follower, Duration.ofSeconds(20));
                    LabAwait.until("the ISR of " + topic + " to lose node " + follower).atMost(Duration.ofSeconds(15))
                            .ignoreExceptions().until(() -> describe(admin, topic).partitions().get(0).isr().size() < 3);
                });

                assertThat(NetworkFault.locate(signals)).as("the fault for %s (node %d frozen)", signals, follower)
                        .isEqualTo(FaultPlace.BROKER_LINK);
            } finally {
                cluster.resumeNode(follower);
                LabAwait.until("node " + follower + " back in the ISR of " + topic).atMost(Duration.ofSeconds(60))
                        .ignoreExceptions().until(() -> describe(admin, topic).partitions().get(0).isr().size() == 3);
            }
        }
    }

    /** Before a fault is made, the calm it breaks: your locate() must see nothing there (and a stub fails here, at once). */
    private static void calmFirst() {
        assertThat(NetworkFault.locate(new NetworkSignals(0, 0, 0))).as("the fault before anything happens: no retries, no"
                + " errors, cluster whole").isEqualTo(FaultPlace.NONE);
    }

    /** The fault under test, framed by writes before and during it: the signals over that window. */
    private static NetworkSignals window(Admin admin, KafkaProducer<String, String> producer, String topic,
                                         ThrowingRunnable fault) throws Exception {
        var retriesBefore = metric(producer, "record-retry-total");
        var errorsBefore = metric(producer, "record-error-total");
        for (int i = 0; i < 20; i++) {
            producer.send(new ProducerRecord<>(topic, "p-" + i, "payment.requested"));
        }
        producer.flush();
        var writer = java.util.concurrent.CompletableFuture.runAsync(() -> {
            for (int i = 20; i < 60; i++) {
                producer.send(new ProducerRecord<>(topic, "p-" + i, "payment.requested"));
                try {
                    TimeUnit.MILLISECONDS.sleep(50); // a steady pace of payments, not a wait for a result
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
        var underReplicated = 0;
        try {
            fault.run();
            underReplicated = (int) describe(admin, topic).partitions().stream()
                    .filter(partition -> partition.isr().size() < partition.replicas().size()).count();
        } finally {
            writer.join();
        }
        producer.flush();
        var signals = new NetworkSignals((long) (metric(producer, "record-retry-total") - retriesBefore),
                (long) (metric(producer, "record-error-total") - errorsBefore), underReplicated);
        System.out.println("[lab] 7.11 " + signals);
        return signals;
    }

    private static double metric(KafkaProducer<String, String> producer, String name) {
        return producer.metrics().entrySet().stream()
                .filter(entry -> entry.getKey().group().equals("producer-metrics") && entry.getKey().name().equals(name))
                .map(entry -> (Double) entry.getValue().metricValue()).findFirst().orElse(0.0);
    }

    private static TopicDescription describe(Admin admin, String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
    }

    private static Map<String, Object> withConfig(Map<String, Object> base, Map<String, Object> more) {
        base.putAll(more);
        return base;
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
