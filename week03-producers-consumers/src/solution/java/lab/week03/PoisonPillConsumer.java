package lab.week03;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordDeserializationException;

/**
 * Exercise 3.2: a poison pill, a record the consumer cannot deserialize, must neither stop the consumer
 * (every poll would fail on it again) nor vanish. Kafka's consumer reports it as a
 * {@link RecordDeserializationException} with its partition, offset and raw bytes: park those on a dead
 * letter topic, then seek past it.
 */
public final class PoisonPillConsumer {

    /** Headers on a dead letter: where the record came from and why it was parked. */
    public static final String ORIGIN_HEADER = "dlt.origin";
    public static final String ERROR_HEADER = "dlt.error";

    private final Consumer<String, OrderPlaced> consumer;
    private final Producer<byte[], byte[]> deadLetters;
    private final String deadLetterTopic;

    public PoisonPillConsumer(Consumer<String, OrderPlaced> consumer, Producer<byte[], byte[]> deadLetters,
                              String deadLetterTopic) {
        this.consumer = consumer;
        this.deadLetters = deadLetters;
        this.deadLetterTopic = deadLetterTopic;
    }

    /** One poll: the orders that could be read. A poison pill is parked and skipped instead. */
    public List<OrderPlaced> poll(Duration timeout) throws ExecutionException, InterruptedException {
        try {
            var orders = new ArrayList<OrderPlaced>();
            consumer.poll(timeout).forEach(record -> orders.add(record.value()));
            return orders;
        } catch (RecordDeserializationException pill) {
            park(pill);
            // Past the pill: the next poll reads on from the record after it.
            consumer.seek(pill.topicPartition(), pill.offset() + 1);
            return List.of();
        }
    }

    private void park(RecordDeserializationException pill) throws ExecutionException, InterruptedException {
        var parked = new ProducerRecord<>(deadLetterTopic, bytes(pill.keyBuffer()), bytes(pill.valueBuffer()));
        var origin = pill.topicPartition() + "@" + pill.offset();
        parked.headers().add(ORIGIN_HEADER, origin.getBytes(StandardCharsets.UTF_8));
        parked.headers().add(ERROR_HEADER, String.valueOf(pill.getCause()).getBytes(StandardCharsets.UTF_8));
        // Wait for it: seeking past a pill that was not stored anywhere would lose it.
        deadLetters.send(parked).get();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        var copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }
}
