package lab.week02;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static lab.kit.junit.LabAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

@WithKafka
@Tag("ex2.6")
@DisplayName("2.6 Offsets stored outside Kafka")
class ExternalOffsetConsumerTest {

    private static final List<String> ORDERS = List.of("o-0", "o-1", "o-2", "o-3", "o-4");

    @TempDir
    Path dir;

    @Test
    @DisplayName("after a crash, a restart resumes at the stored offset: each order handled once")
    void resumesFromStore(KafkaLab kafka) throws Exception {
        var topic = ordersTopic(kafka);
        var group = kafka.uniqueName("billing");
        var store = new FileOffsetStore(dir.resolve("offsets.properties"));
        var handled = new ArrayList<String>();

        crashAtO3(kafka, topic, group, store, handled);
        try (var consumer = consumer(kafka, group)) {
            var restarted = new ExternalOffsetConsumer(consumer, store);
            restarted.subscribe(topic);
            restarted.processOneBatch(record -> handled.add(record.key()));
        }

        assertThat(handled).as("orders handled across the crash, each once (one twice: did the restart seek to the stored offset? one "
                        + "missing: was an offset saved before its record was handled?)")
                .containsExactly("o-0", "o-1", "o-2", "o-3", "o-4");
        assertThat(store.nextOffset(new TopicPartition(topic, 0))).as("stored next offset").contains(5L);
        assertThat(kafka.admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get())
                .as("offsets committed to Kafka: none, the store is the only bookmark").isEmpty();
    }

    @Test
    @DisplayName("the stored position wins over Kafka's: even a new group resumes there")
    void storeWinsOverGroup(KafkaLab kafka) throws Exception {
        var topic = ordersTopic(kafka);
        var store = new FileOffsetStore(dir.resolve("offsets.properties"));
        store.save(new TopicPartition(topic, 0), 2);
        var handled = new ArrayList<String>();

        try (var consumer = consumer(kafka, kafka.uniqueName("brand-new-group"))) {
            var reader = new ExternalOffsetConsumer(consumer, store);
            reader.subscribe(topic);
            reader.processOneBatch(record -> handled.add(record.key()));
        }

        assertThat(handled).as("a new group (auto.offset.reset=earliest) seeks to the stored offset 2")
                .containsExactly("o-2", "o-3", "o-4");
    }

    @Test
    @DisplayName("a record's offset is stored only once it is handled: a crash leaves the crashed record to do")
    void storesOnlyHandledRecords(KafkaLab kafka) throws Exception {
        var topic = ordersTopic(kafka);
        var store = new FileOffsetStore(dir.resolve("offsets.properties"));
        var handled = new ArrayList<String>();

        crashAtO3(kafka, topic, kafka.uniqueName("billing"), store, handled);

        assertThat(handled).as("orders handled before the crash at o-3").containsExactly("o-0", "o-1", "o-2");
        assertThat(store.nextOffset(new TopicPartition(topic, 0)))
                .as("stored next offset after the crash at o-3: 3, the offset after o-2, the last record handled (4: "
                        + "the offset was saved before handling, so o-3 would be skipped; 2: the record's own offset "
                        + "was saved, so o-2 would come again)")
                .contains(3L);
    }

    /** A member of {@code group} handles one batch through the store and crashes at o-3. */
    private static void crashAtO3(KafkaLab kafka, String topic, String group, FileOffsetStore store, List<String> handled) {
        try (var consumer = consumer(kafka, group)) {
            var first = new ExternalOffsetConsumer(consumer, store);
            first.subscribe(topic);
            assertFails("the handler's crash at o-3 must reach the caller", () -> first.processOneBatch(record -> {
                if (record.key().equals("o-3")) {
                    throw new SimulatedCrash("died at o-3");
                }
                handled.add(record.key());
            })).isInstanceOf(SimulatedCrash.class);
        }
    }

    private static String ordersTopic(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 1);
        kafka.produce(ORDERS.stream().map(order -> new ProducerRecord<>(topic, order, "order.created")).toList());
        return topic;
    }

    private static KafkaConsumer<String, String> consumer(KafkaLab kafka, String group) {
        var config = kafka.manualCommitConfig(group);
        return new KafkaConsumer<>(config);
    }
}
