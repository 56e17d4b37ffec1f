package lab.week03;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.WithKafka;
import lab.kit.report.BarChart;
import lab.week03.PatternFixtures.SlowStore;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static lab.week03.PatternFixtures.TOTAL;
import static lab.week03.PatternFixtures.drain;
import static lab.week03.PatternFixtures.keyedEvents;
import static org.assertj.core.api.Assertions.assertThat;

/** The comparison that closes 3.9: it needs all three patterns, 3.7 and 3.8 included. */
@WithKafka
@Tag("ex3.9")
@DisplayName("3.9 The three processing patterns compared")
class ProcessingPatternsComparedTest {

    @Test
    @DisplayName("against a slow store (2 ms per write): store calls per pattern, and records per second to a chart")
    void patternsMeasured(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("stock", 3);
        kafka.produce(keyedEvents(topic));
        var workers = Executors.newFixedThreadPool(3);
        kafka.closeAfterTest(workers::shutdownNow);

        var writes = new AtomicInteger();
        var oneAtATime = recordsPerSecond(kafka, topic, consumer -> OneAtATime.process(consumer, record -> SlowStore.write(writes)));
        assertThat(writes).as("store writes one at a time: one per record").hasValue(TOTAL);
        writes.set(0);
        var inBatch = recordsPerSecond(kafka, topic, consumer -> BatchProcessing.process(consumer, batch -> SlowStore.write(writes)));
        assertThat(writes.get()).as("store writes in batches: one per poll, far fewer than records").isLessThan(TOTAL / 10);
        writes.set(0);
        var parallel = recordsPerSecond(kafka, topic, consumer ->
                PartitionParallel.process(consumer, record -> SlowStore.write(writes), workers));
        assertThat(writes).as("store writes in parallel: one per record").hasValue(TOTAL);

        new BarChart("3.7-3.9 records per second, " + TOTAL + " records, a store that takes 2 ms per write", "records/s")
                .bar("one at a time", oneAtATime)
                .bar("in a batch", inBatch)
                .bar("parallel per partition", parallel)
                .write("week03-processing-patterns");
    }

    private static double recordsPerSecond(KafkaLab kafka, String topic, ToIntFunction<Consumer<String, String>> round) {
        var consumer = kafka.newConsumer(kafka.manualCommitConfig(kafka.uniqueName("measured")));
        // Join the group before the clock starts, with the partitions paused so the joining polls fetch
        // nothing (a fetch waiting at the broker would delay the first measured poll).
        consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                consumer.pause(partitions);
            }
        });
        LabAwait.until("the measuring consumer to be assigned " + topic).until(() -> {
            consumer.poll(OneAtATime.POLL);
            return !consumer.assignment().isEmpty();
        });
        consumer.resume(consumer.assignment());
        var start = System.nanoTime();
        drain(TOTAL, () -> round.applyAsInt(consumer));
        return TOTAL / ((System.nanoTime() - start) / 1e9);
    }
}
