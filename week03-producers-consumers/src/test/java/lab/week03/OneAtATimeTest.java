package lab.week03;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.WithKafka;
import lab.week03.PatternFixtures.HandlerFailed;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static lab.week03.PatternFixtures.drain;
import static lab.week03.PatternFixtures.subscribed;
import static org.assertj.core.api.Assertions.assertThat;

/** Ten events of one key, e-0 to e-9, and a handler that fails on e-6. */
@WithKafka
@Tag("ex3.7")
@DisplayName("3.7 One record at a time: a commit per record, and where a failure leaves the consumer")
class OneAtATimeTest {

    @Test
    @DisplayName("when the handler fails, every record before it is committed, none after")
    void commitsEachRecordBeforeTheFailure(KafkaLab kafka) throws Exception {
        var scenario = new FailureAtE6(kafka);

        scenario.runUntilTheFailure();

        assertThat(scenario.handled).as("records handled before the failure").containsExactly("e-0", "e-1", "e-2", "e-3", "e-4", "e-5");
        assertThat(kafka.committedOffset(scenario.group, scenario.partition))
                .as("committed offset: the failed record e-6 (offset 6) is the next to read").hasValue(6);
    }

    @Test
    @DisplayName("after the failure the same consumer goes on at the failed record, skipping none")
    void goesOnAtTheFailedRecord(KafkaLab kafka) throws Exception {
        var scenario = new FailureAtE6(kafka);

        scenario.runUntilTheFailure();

        assertThat(scenario.consumer.position(scenario.partition)).as("position of the consumer after the failure on e-6, "
                + "where its next poll starts (poll() had moved past the whole poll: seek back to e-6, offset 6)").isEqualTo(6);
        var retried = new ArrayList<String>();
        drain(4, "(after the failure, poll() had moved past the failed records: were they sought back?)",
                () -> OneAtATime.process(scenario.consumer, record -> retried.add(record.value())));
        assertThat(retried).as("records the same consumer handles next (poll() had moved past e-6: was it sought back?)")
                .containsExactly("e-6", "e-7", "e-8", "e-9");
    }

    private static final class FailureAtE6 {
        final String group;
        final TopicPartition partition;
        final Consumer<String, String> consumer;
        final List<String> handled = new ArrayList<>();

        FailureAtE6(KafkaLab kafka) throws Exception {
            var topic = kafka.createTopic("stock", 1);
            kafka.produce(IntStream.range(0, 10).mapToObj(i -> new ProducerRecord<>(topic, "sku-1", "e-" + i)).toList());
            group = kafka.uniqueName("stock-updater");
            partition = new TopicPartition(topic, 0);
            consumer = subscribed(kafka, group, topic);
        }

        void runUntilTheFailure() {
            LabAwait.until("the handler's failure on e-6 to reach the caller (does process rethrow it?)").until(() -> {
                try {
                    OneAtATime.process(consumer, record -> {
                        if (record.value().equals("e-6")) {
                            throw new HandlerFailed(record.value());
                        }
                        handled.add(record.value());
                    });
                    return false;
                } catch (HandlerFailed expected) {
                    return true;
                }
            });
        }
    }
}
