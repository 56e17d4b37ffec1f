package lab.week02;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member handles five orders without committing, then leaves the group; another member takes over.
 * The orders the second member handles show whether the first one handed over cleanly.
 */
@WithKafka
@Tag("ex2.9")
@DisplayName("2.9 A member leaving hands its partitions over")
class HandOverListenerTest {

    @Test
    @DisplayName("the next owner continues after what the leaving member handled: nothing twice, nothing lost")
    void cleanHandOver(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 1);
        var group = kafka.uniqueName("shipping");
        produce(kafka, topic, 0, 5);
        var handled = new ArrayList<String>();

        try (var leaving = consumer(kafka, group)) {
            var listener = new HandOverListener(leaving);
            leaving.subscribe(List.of(topic), listener);
            for (var record : LabAwait.records(leaving, 5)) {
                handled.add(record.key());
                listener.handled(record);
            }
            assertThat(kafka.committedOffset(group, new TopicPartition(topic, 0))).as("committed offset before the "
                    + "member leaves: handled() only notes the record; the commit belongs in onPartitionsRevoked").isEmpty();
        } // close() leaves the group: the listener's onPartitionsRevoked runs first
        produce(kafka, topic, 5, 2);

        try (var next = consumer(kafka, group)) {
            next.subscribe(List.of(topic));
            LabAwait.records(next, 2).stream().map(ConsumerRecord::key).forEach(handled::add);
        }

        assertThat(handled).as("orders handled by the leaving member, then by the next owner")
                .containsExactly("o-0", "o-1", "o-2", "o-3", "o-4", "o-5", "o-6");
    }

    private static void produce(KafkaLab kafka, String topic, int from, int count) throws Exception {
        kafka.produce(IntStream.range(from, from + count).mapToObj(i -> new ProducerRecord<>(topic, "o-" + i, "order.created")).toList());
    }

    /** Auto-commit off: only the listener's commit can move the group's offset. */
    private static KafkaConsumer<String, String> consumer(KafkaLab kafka, String group) {
        var config = kafka.manualCommitConfig(group);
        return new KafkaConsumer<>(config);
    }
}
