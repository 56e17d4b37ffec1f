package lab.week04;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import lab.kit.junit.Codec;
import lab.kit.junit.Intercept;
import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static lab.kit.junit.LabAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

@WithKafka
@Tag("ex4.3")
@DisplayName("4.3 A dead letter topic that keeps everything, with replay")
class DeadLettersTest {

    /** Not valid UTF-8 (0xC3 starts a two-byte character, 0x28 cannot continue it): a real poison pill. */
    private static final byte[] BROKEN_VALUE = {(byte) 0xC3, 0x28, 0x7B};

    @Test
    @DisplayName("a dead letter keeps the key, the value byte for byte, the headers, its origin and the error")
    void parksEverything(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 1);
        var dlt = kafka.createTopic("orders.dlt", 1);
        var producer = kafka.newProducer(Codec.BYTES);
        var original = new ProducerRecord<>(topic, utf8("o-1"), BROKEN_VALUE);
        original.headers().add("trace-id", utf8("t-42"));
        producer.send(original).get();
        var failed = kafka.readAll(topic, 1, Codec.BYTES).get(0);

        producer.send(DeadLetters.deadLetterOf(failed, new IllegalArgumentException("not JSON"), dlt)).get();

        var parked = kafka.readAll(dlt, 1, Codec.BYTES).get(0);
        assertThat(parked.key()).as("key").isEqualTo(utf8("o-1"));
        assertThat(parked.value()).as("value, byte for byte (never decode and re-encode a broken value)")
                .isEqualTo(BROKEN_VALUE);
        assertThat(header(parked, "trace-id")).as("the original trace-id header, kept").isEqualTo("t-42");
        assertThat(header(parked, DeadLetters.ORIGINAL_TOPIC)).as(DeadLetters.ORIGINAL_TOPIC).isEqualTo(topic);
        assertThat(header(parked, DeadLetters.ORIGINAL_PARTITION)).as(DeadLetters.ORIGINAL_PARTITION).isEqualTo("0");
        assertThat(header(parked, DeadLetters.ORIGINAL_OFFSET)).as(DeadLetters.ORIGINAL_OFFSET).isEqualTo("0");
        assertThat(header(parked, DeadLetters.ERROR_CLASS)).as(DeadLetters.ERROR_CLASS)
                .isEqualTo(IllegalArgumentException.class.getName());
        assertThat(header(parked, DeadLetters.ERROR_MESSAGE)).as(DeadLetters.ERROR_MESSAGE).isEqualTo("not JSON");
    }

    @Test
    @DisplayName("an error without a message is named by its class")
    void errorWithoutMessage() {
        var failed = new ConsumerRecord<>("orders", 2, 17L, 0L, TimestampType.CREATE_TIME, 0, 0,
                utf8("o-1"), utf8("{}"), new RecordHeaders(), Optional.empty());

        var deadLetter = DeadLetters.deadLetterOf(failed, new NullPointerException(), "orders.dlt");

        assertThat(deadLetter.topic()).as("topic of the dead letter").isEqualTo("orders.dlt");
        assertThat(utf8(deadLetter.headers().lastHeader(DeadLetters.ERROR_MESSAGE).value()))
                .as("error message header of a NullPointerException without a message")
                .isEqualTo(NullPointerException.class.getName());
        assertThat(utf8(deadLetter.headers().lastHeader(DeadLetters.ORIGINAL_OFFSET).value())).isEqualTo("17");
    }

    @Test
    @DisplayName("replay puts each dead letter back on its original topic, as it was, without the dlt.* headers")
    void replayReturnsToOrigin(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 1);
        var dlt = kafka.createTopic("orders.dlt", 1);
        park(kafka, topic, dlt, List.of("o-1", "o-2", "o-3"));

        var replayed = DeadLetters.replay(kafka.newConsumer(kafka.manualCommitConfig(kafka.uniqueName("replay")), Codec.BYTES),
                kafka.newProducer(Codec.BYTES), dlt);

        assertThat(replayed).as("records replay() reports").isEqualTo(3);
        var back = kafka.readAll(topic, 6, Codec.BYTES).subList(3, 6);
        assertThat(back).extracting(r -> utf8(r.key())).as("keys back on %s", topic)
                .containsExactly("o-1", "o-2", "o-3");
        assertThat(back.get(0).value()).as("value of the replayed o-1").isEqualTo(BROKEN_VALUE);
        assertThat(header(back.get(0), "trace-id")).as("trace-id header of the replayed o-1").isEqualTo("t-o-1");
        assertThat(back.get(0).headers()).as("headers of the replayed o-1: no dlt.* header may travel back")
                .noneMatch(h -> h.key().startsWith("dlt."));
        assertThat(header(back.get(0), DeadLetters.REPLAYED_FROM)).as(DeadLetters.REPLAYED_FROM)
                .isEqualTo(dlt + "-0@0");
    }

    @Test
    @DisplayName("a second replay sends only dead letters parked since the first")
    void replaysEachOnce(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 1);
        var dlt = kafka.createTopic("orders.dlt", 1);
        var group = kafka.uniqueName("replay");
        park(kafka, topic, dlt, List.of("o-1", "o-2"));
        var first = DeadLetters.replay(kafka.newConsumer(kafka.manualCommitConfig(group), Codec.BYTES), kafka.newProducer(Codec.BYTES), dlt);
        park(kafka, topic, dlt, List.of("o-3"));

        var second = DeadLetters.replay(kafka.newConsumer(kafka.manualCommitConfig(group), Codec.BYTES), kafka.newProducer(Codec.BYTES), dlt);

        assertThat(List.of(first, second)).as("records replayed by the first and the second replay (the "
                + "group's committed offsets remember what was replayed)").containsExactly(2, 1);
        assertThat(kafka.recordCount(topic)).as("records on %s: 3 originals + 3 replays", topic).isEqualTo(6);
    }

    @Test
    @DisplayName("a replay Kafka did not store is not marked done: nothing is committed, the next replay sends it")
    void failedReplayCommitsNothing(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 1);
        var dlt = kafka.createTopic("orders.dlt", 1);
        var group = kafka.uniqueName("replay");
        park(kafka, topic, dlt, List.of("o-1"));
        // A producer whose sends all fail, as when the original topic's partition is offline.
        Producer<byte[], byte[]> failing = Intercept.of(Producer.class, kafka.newProducer(Codec.BYTES), call -> call.named("send")
                ? CompletableFuture.failedFuture(new TimeoutException("orders unavailable")) : call.proceed());

        assertFails("replay() when Kafka did not store the replayed record (did it wait for each send?)",
                () -> DeadLetters.replay(kafka.newConsumer(kafka.manualCommitConfig(group), Codec.BYTES), failing, dlt))
                .hasRootCauseInstanceOf(TimeoutException.class);
        assertThat(kafka.committedOffset(group, new TopicPartition(dlt, 0)))
                .as("offset committed for %s after the failed replay: none, or o-1 would never be replayed", dlt).isEmpty();
    }

    @Test
    @DisplayName("a record that is not a dead letter cannot be replayed")
    void replayNeedsOrigin() {
        var notParked = new ConsumerRecord<>("orders.dlt", 0, 5L, utf8("k"), utf8("v"));

        assertFails("replayOf() a record without a " + DeadLetters.ORIGINAL_TOPIC + " header: it has nowhere to go back to",
                () -> DeadLetters.replayOf(notParked)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(DeadLetters.ORIGINAL_TOPIC);
    }

    /** Sends orders to {@code topic}, reads them back and parks each on {@code dlt}, as a failing consumer would. */
    private static void park(KafkaLab kafka, String topic, String dlt, List<String> orderIds) throws Exception {
        var producer = kafka.newProducer(Codec.BYTES);
        var before = (int) kafka.recordCount(topic);
        for (var id : orderIds) {
            var record = new ProducerRecord<>(topic, utf8(id), BROKEN_VALUE);
            record.headers().add("trace-id", utf8("t-" + id));
            producer.send(record).get();
        }
        var failed = kafka.readAll(topic, before + orderIds.size(), Codec.BYTES);
        var parked = new ArrayList<>(failed.subList(before, failed.size()));
        for (var record : parked) {
            producer.send(DeadLetters.deadLetterOf(record, new IllegalStateException("downstream said 500"), dlt)).get();
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        var header = record.headers().lastHeader(key);
        return header == null ? null : utf8(header.value());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
