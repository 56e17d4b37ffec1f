package lab.week03;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
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
        // TODO 3.2: poll and return the values. If poll throws RecordDeserializationException: send the
        //           pill's raw key and value to deadLetterTopic (headers ORIGIN_HEADER = "topic-partition@offset",
        //           ERROR_HEADER = the cause), wait for that send, then seek past the pill.
        throw new UnsupportedOperationException("Exercise 3.2 not done yet: see HINTS.md#32");
    }
}
