package lab.week02;

import java.util.HashMap;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Exercise 2.5: exactly once, for a service that reads a topic and writes another (consume, transform,
 * produce). The output records and the input offsets are committed in one Kafka transaction: either
 * both happen or neither does, so a crash can neither lose an order nor confirm it twice, as long as
 * readers use {@code isolation.level=read_committed}.
 *
 * <p>The producer has a {@code transactional.id} and has called {@code initTransactions()} once; the
 * consumer has {@code enable.auto.commit=false}, because its offsets travel in the transaction instead.
 */
public final class ExactlyOnceRelay {

    private ExactlyOnceRelay() {
    }

    /** Relays one batch from the consumer's topic to {@code outputTopic}, transformed, in one transaction. */
    public static void relayOneBatch(Consumer<String, String> consumer, Producer<String, String> producer,
                                     String outputTopic, UnaryOperator<String> transform) {
        var batch = Batches.nextBatch(consumer);
        producer.beginTransaction();
        try {
            for (var record : batch) {
                producer.send(new ProducerRecord<>(outputTopic, record.key(), transform.apply(record.value())));
            }
            // The input offsets become part of the transaction, committed for the consumer's group.
            producer.sendOffsetsToTransaction(Batches.offsetsAfter(batch), consumer.groupMetadata());
            producer.commitTransaction();
        } catch (RuntimeException e) {
            // poll() moved past the batch: seek back first, so a caller that goes on (with this producer,
            // or with a new one after a fatal error) reads the batch again.
            rewind(consumer, batch);
            try {
                producer.abortTransaction(); // what was sent is marked aborted: read_committed readers never see it
            } catch (RuntimeException abortFailed) {
                // A fenced producer cannot even abort; the broker aborts its open transaction. The caller
                // gets the first error, which says why, with this one attached.
                e.addSuppressed(abortFailed);
            }
            throw e;
        }
    }

    /** poll() moved past the aborted batch: seek back to its first records, so a caller that goes on reads it again. */
    private static void rewind(Consumer<String, String> consumer, List<ConsumerRecord<String, String>> batch) {
        var first = new HashMap<TopicPartition, Long>();
        for (var record : batch) {
            first.putIfAbsent(new TopicPartition(record.topic(), record.partition()), record.offset());
        }
        first.forEach(consumer::seek);
    }
}
