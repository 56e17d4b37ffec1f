package lab.week03;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.WithKafka;
import lab.week03.PatternFixtures.HandlerFailed;
import lab.week03.PatternFixtures.SlowStore;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static lab.week03.PatternFixtures.EVENTS_PER_KEY;
import static lab.week03.PatternFixtures.TOTAL;
import static lab.week03.PatternFixtures.assertFullyCommitted;
import static lab.week03.PatternFixtures.causedBy;
import static lab.week03.PatternFixtures.drain;
import static lab.week03.PatternFixtures.keyedEvents;
import static lab.week03.PatternFixtures.subscribed;
import static org.assertj.core.api.Assertions.assertThat;

@WithKafka
@Tag("ex3.9")
@DisplayName("3.9 Parallel per partition: partitions side by side, each key's events in order")
class PartitionParallelTest {

    @Test
    @DisplayName("workers handle partitions side by side and each key's events stay in order")
    void parallelKeepsKeyOrder(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("stock", 3);
        kafka.produce(keyedEvents(topic));
        var group = kafka.uniqueName("stock-updater");
        var consumer = subscribed(kafka, group, topic);
        var pollingThread = Thread.currentThread().getName();
        var seenByKey = new ConcurrentHashMap<String, List<Integer>>();
        var threads = ConcurrentHashMap.<String>newKeySet();
        var workers = Executors.newFixedThreadPool(3);
        kafka.closeAfterTest(workers::shutdownNow);

        var handled = drain(TOTAL, () -> PartitionParallel.process(consumer, record -> {
            if (Integer.parseInt(record.value()) % 2 == 0) {
                SlowStore.write(); // even events are slow: if one partition's records ran side by side, odd ones would overtake
            }
            threads.add(Thread.currentThread().getName());
            seenByKey.computeIfAbsent(record.key(), key -> Collections.synchronizedList(new ArrayList<>()))
                    .add(Integer.parseInt(record.value()));
        }, workers));

        assertThat(handled).as("records processed").isEqualTo(TOTAL);
        assertThat(threads).as("threads that handled records (the polling thread is %s)", pollingThread)
                .doesNotContain(pollingThread).hasSizeGreaterThan(1);
        seenByKey.forEach((key, sequence) -> assertThat(sequence).as("events of %s in the order handled", key)
                .isSorted().hasSize(EVENTS_PER_KEY));
        assertFullyCommitted(kafka, group, topic, 3);
    }

    @Test
    @DisplayName("a failed partition is not committed and is handled again; the others are committed")
    void aFailureCommitsTheOthers(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("stock", 3);
        var perPartition = 5;
        kafka.produce(IntStream.range(0, 3 * perPartition)
                .mapToObj(i -> new ProducerRecord<>(topic, i % 3, "k-" + i % 3, String.valueOf(i / 3))).toList());
        var group = kafka.uniqueName("stock-updater");
        var consumer = subscribed(kafka, group, topic);
        var workers = Executors.newFixedThreadPool(3);
        kafka.closeAfterTest(workers::shutdownNow);

        var others = new AtomicInteger();
        var failures = new AtomicInteger();
        // Partitions 0 and 2 may come in the same poll as partition 1 or in others; run rounds until all
        // their records were handled and partition 1 has failed.
        LabAwait.until("partition 1's handler to fail, and partitions 0 and 2 to be handled").until(() -> {
            try {
                PartitionParallel.process(consumer, record -> {
                    if (record.partition() == 1) {
                        throw new HandlerFailed(record.key() + " " + record.value());
                    }
                    others.incrementAndGet();
                }, workers);
            } catch (RuntimeException partition1Failed) {
                if (!causedBy(partition1Failed, HandlerFailed.class)) {
                    throw partition1Failed; // not the handler's failure: the method's own
                }
                failures.incrementAndGet();
            }
            return failures.get() > 0 && others.get() >= 2 * perPartition;
        });

        assertThat(kafka.committedOffset(group, new TopicPartition(topic, 1))).as("committed offset of the failed "
                + "partition 1").isEmpty();
        for (var partition : List.of(0, 2)) {
            assertThat(kafka.committedOffset(group, new TopicPartition(topic, partition)))
                    .as("committed offset of partition %d, whose records were all handled", partition).hasValue(perPartition);
        }
        assertThat(consumer.position(new TopicPartition(topic, 1))).as("partition 1's position after its records failed, "
                + "where the next poll starts (poll() had moved past them: seek back to the partition's first record)").isZero();

        var again = new CopyOnWriteArrayList<String>();
        drain(perPartition, "(after the failure, poll() had moved past the failed records: were they sought back?)",
                () -> PartitionParallel.process(consumer, record -> again.add(record.value()), workers));
        assertThat(again).as("partition 1's records, handled by the same consumer after the failure (poll() had moved "
                + "past them: were they sought back?)").containsExactly("0", "1", "2", "3", "4");
    }
}
