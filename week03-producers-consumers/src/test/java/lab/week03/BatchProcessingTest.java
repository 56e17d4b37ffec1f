package lab.week03;

import java.util.concurrent.CopyOnWriteArrayList;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.WithKafka;
import lab.week03.PatternFixtures.HandlerFailed;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static lab.week03.PatternFixtures.TOTAL;
import static lab.week03.PatternFixtures.assertFullyCommitted;
import static lab.week03.PatternFixtures.drain;
import static lab.week03.PatternFixtures.keyedEvents;
import static lab.week03.PatternFixtures.subscribed;
import static org.assertj.core.api.Assertions.assertThat;

/** 270 keyed events on 3 partitions, processed a poll at a time. */
@WithKafka
@Tag("ex3.8")
@DisplayName("3.8 In a batch: one handler call and one commit per poll")
class BatchProcessingTest {

    @Test
    @DisplayName("one handler call per poll, and every record committed once it is written")
    void oneCallPerPollThenCommit(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("stock", 3);
        kafka.produce(keyedEvents(topic));
        var group = kafka.uniqueName("bulk-writer");
        var consumer = subscribed(kafka, group, topic);
        var batches = new CopyOnWriteArrayList<Integer>();

        var handled = drain(TOTAL, () -> BatchProcessing.process(consumer, batch -> batches.add(batch.size())));

        assertThat(handled).as("records processed").isEqualTo(TOTAL);
        assertThat(batches).as("sizes of the batches handed to the handler").doesNotContain(0)
                .hasSizeLessThan(TOTAL / 10).satisfies(sizes -> assertThat(sizes.stream().mapToInt(i -> i).sum()).isEqualTo(TOTAL));
        assertFullyCommitted(kafka, group, topic, 3);
    }

    @Test
    @DisplayName("a failed batch is not committed, and the same consumer processes it again whole")
    void aFailedBatchComesBackWhole(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("stock", 3);
        kafka.produce(keyedEvents(topic));
        var group = kafka.uniqueName("bulk-writer-failing");
        var consumer = subscribed(kafka, group, topic);

        LabAwait.until("the failing handler's error to reach the caller (does process rethrow it?)").until(() -> {
            try {
                return BatchProcessing.process(consumer, batch -> {
                    throw new HandlerFailed("bulk insert of " + batch.size());
                }) > 0;
            } catch (HandlerFailed expected) {
                return true;
            }
        });

        for (int partition = 0; partition < 3; partition++) {
            assertThat(kafka.committedOffset(group, new TopicPartition(topic, partition)))
                    .as("committed offset of partition %d after its batch failed", partition).isEmpty();
            assertThat(consumer.position(new TopicPartition(topic, partition))).as("partition %d: position after the failed "
                    + "batch, where the next poll starts (poll() had moved past the batch: seek back to its first record)",
                    partition).isZero();
        }
        assertThat(drain(TOTAL, "(after the failure, poll() had moved past the failed records: were they sought back?)",
                () -> BatchProcessing.process(consumer, batch -> { })))
                .as("records the same consumer processes after the failed batch: all %d (poll() had moved past the "
                        + "failed batch: was it sought back?)", TOTAL).isEqualTo(TOTAL);
    }
}
