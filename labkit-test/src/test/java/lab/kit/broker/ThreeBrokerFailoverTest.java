package lab.kit.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@WithKafka(brokers = 3)
@DisplayName("A 3-broker cluster (embedded, or containers)")
class ThreeBrokerFailoverTest {

    private static final int RECORDS = 1000;

    @Test
    @DisplayName("loses nothing acked with acks=all when the leader stops mid-stream")
    void survivesLeaderStop(KafkaLab kafka) throws Exception {
        assertNothingLostWhenLeaderGoes(kafka, kafka.cluster()::stopBroker);
    }

    @Test
    @DisplayName("loses nothing acked when the leader is killed (SIGKILL) mid-stream; skipped in-JVM")
    void survivesLeaderKill(KafkaLab kafka) throws Exception {
        assertNothingLostWhenLeaderGoes(kafka, kafka.cluster()::killBroker);
    }

    /** Sends RECORDS with acks=all, taking the partition's leader down half way; every ack must be readable. */
    private static void assertNothingLostWhenLeaderGoes(KafkaLab kafka, IntConsumer takeDown) throws Exception {
        var topic = kafka.createTopic("failover", 1, 3, Map.of("min.insync.replicas", "2"));
        var leaderBefore = leader(kafka, topic).leader().id();
        var config = kafka.producerConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        var acks = new ArrayList<Future<RecordMetadata>>();

        try (var producer = new KafkaProducer<String, String>(config)) {
            for (int i = 0; i < RECORDS; i++) {
                if (i == RECORDS / 2) {
                    takeDown.accept(leaderBefore);
                }
                acks.add(producer.send(new ProducerRecord<>(topic, "order-" + i, "event-" + i)));
            }
            for (var ack : acks) {
                ack.get();
            }
        }

        assertThat(kafka.readAll(topic, RECORDS)).as("every acked record is readable").hasSize(RECORDS);
        assertThat(leader(kafka, topic).leader().id()).as("leadership moved").isNotEqualTo(leaderBefore);
    }

    @Test
    @DisplayName("starts a stopped broker again, back in the cluster")
    void restartsBroker(KafkaLab kafka) {
        kafka.cluster().stopBroker(1);
        LabAwait.until("broker 1 gone from the cluster").until(() -> liveBrokers(kafka) == 2);

        kafka.cluster().startBroker(1);

        LabAwait.until("broker 1 back").until(() -> liveBrokers(kafka) == 3);
        assertThat(kafka.cluster().stoppedBrokers()).isEmpty();
    }

    private static int liveBrokers(KafkaLab kafka) throws Exception {
        return kafka.admin().describeCluster().nodes().get().size();
    }

    private static TopicPartitionInfo leader(KafkaLab kafka, String topic) throws Exception {
        return kafka.admin().describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().get(0);
    }
}
