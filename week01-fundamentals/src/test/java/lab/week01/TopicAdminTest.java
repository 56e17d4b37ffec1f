package lab.week01;

import java.util.Map;
import java.util.concurrent.ExecutionException;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static lab.kit.junit.LabAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

@WithKafka
@Tag("ex1.1")
@DisplayName("1.1 Topics with the Admin API")
class TopicAdminTest {

    // Not the broker default (7 days), so only a config passed at creation can produce it.
    private static final String THREE_DAYS_MS = "259200000";

    @Test
    @DisplayName("a created topic is listed")
    void createdTopicIsListed(KafkaLab kafka) throws Exception {
        var topics = new TopicAdmin(kafka.admin());
        var name = kafka.uniqueName("order.created");

        topics.create(name, 3, (short) 1, Map.of());

        // create() returns once the controller has stored the topic; the broker that answers
        // listTopics learns of it a moment later, so a list taken at once may not show it yet.
        LabAwait.until("a listing that includes " + name).untilAsserted(() ->
                assertThat(topics.list()).as("topics listed after creating %s", name).contains(name));
    }

    @Test
    @DisplayName("creating a topic that exists fails, with the broker's answer")
    void existingTopicRefused(KafkaLab kafka) throws Exception {
        var topics = new TopicAdmin(kafka.admin());
        var name = kafka.createTopic("order.created", 1);

        assertFails("create(" + name + ") when it exists: the answer only arrives if create() waits on"
                + " createTopics(...).all().get()", () -> topics.create(name, 1, (short) 1, Map.of()))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicExistsException.class);
    }

    @Test
    @DisplayName("a replication factor larger than the number of brokers is refused")
    void replicationFactorAboveBrokersRefused(KafkaLab kafka) {
        var topics = new TopicAdmin(kafka.admin());
        var name = kafka.uniqueName("order.created");
        var brokers = kafka.brokerIds().size();
        var tooMany = (short) (brokers + 1);

        assertFails("create(" + name + ") with replication factor " + tooMany + " on " + brokers + " broker(s): a"
                + " replication factor larger than the cluster must be refused by the broker. Does create() pass its"
                + " replicationFactor to NewTopic?", () -> topics.create(name, 1, tooMany, Map.of()))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(InvalidReplicationFactorException.class);
    }

    @Test
    @DisplayName("internal topics such as __consumer_offsets are not listed")
    void internalTopicsAreNotListed(KafkaLab kafka) throws Exception {
        var topics = new TopicAdmin(kafka.admin());
        var topic = kafka.createTopic("any", 1);
        // A committed offset makes sure the internal __consumer_offsets topic exists.
        kafka.admin().alterConsumerGroupOffsets(kafka.uniqueName("group"),
                Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(0))).all().get();
        var everything = kafka.admin().listTopics(new ListTopicsOptions().listInternal(true)).names().get();

        var listed = topics.list();

        assertThat(everything).as("precondition: the cluster has internal topics").contains("__consumer_offsets");
        assertThat(listed).as("list() should leave Kafka's internal topics out").noneMatch(t -> t.startsWith("__"));
    }

    @Test
    @DisplayName("a topic has the partitions it was created with")
    void partitionCount(KafkaLab kafka) throws Exception {
        var topics = new TopicAdmin(kafka.admin());
        var name = kafka.uniqueName("payment.processed");

        topics.create(name, 6, (short) 1, Map.of());
        kafka.awaitTopicReady(name);

        assertThat(topics.partitionCount(name)).as("partitions of %s, created with 6", name).isEqualTo(6);
    }

    @Test
    @DisplayName("a topic config set at creation can be read back")
    void topicConfig(KafkaLab kafka) throws Exception {
        var topics = new TopicAdmin(kafka.admin());
        var name = kafka.uniqueName("inventory.updated");

        topics.create(name, 1, (short) 1, Map.of("retention.ms", THREE_DAYS_MS));
        kafka.awaitTopicReady(name);

        assertThat(topics.configValue(name, "retention.ms"))
                .as("retention.ms of %s: was the config map passed to NewTopic.configs(...)?", name)
                .isEqualTo(THREE_DAYS_MS);
    }

    @Test
    @DisplayName("a config not set on the topic shows the broker's default")
    void defaultConfig(KafkaLab kafka) throws Exception {
        var topics = new TopicAdmin(kafka.admin());
        var name = kafka.createTopic("defaults", 1);

        var cleanupPolicy = topics.configValue(name, "cleanup.policy");

        assertThat(cleanupPolicy).as("cleanup.policy of a topic created without configs").isEqualTo("delete");
    }
}
