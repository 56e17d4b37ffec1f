package lab.week04;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Exercise 4.3: a dead letter topic that loses nothing and can be replayed. A record that cannot be
 * processed is parked with its key, value and headers exactly as they were (raw bytes: the value may
 * be the very thing that is broken), plus where it came from and why it failed. Once the cause is fixed,
 * {@link #replay} sends each parked record back to its original topic, once.
 */
public final class DeadLetters {

    public static final String ORIGINAL_TOPIC = "dlt.original.topic";
    public static final String ORIGINAL_PARTITION = "dlt.original.partition";
    public static final String ORIGINAL_OFFSET = "dlt.original.offset";
    public static final String ERROR_CLASS = "dlt.error.class";
    public static final String ERROR_MESSAGE = "dlt.error.message";
    /** Set on a replayed record: the dead letter it came from, as {@code topic-partition@offset}. */
    public static final String REPLAYED_FROM = "replayed.from";

    private static final String DEAD_LETTER_HEADERS = "dlt.";

    private DeadLetters() {
    }

    /** The dead letter for {@code failed}: its key, value and headers as they were, plus origin and error. */
    public static ProducerRecord<byte[], byte[]> deadLetterOf(ConsumerRecord<byte[], byte[]> failed, Exception error,
                                                              String deadLetterTopic) {
        // TODO 4.3: a record to deadLetterTopic with the same key, value and headers, plus the five
        //           dlt.* headers (the error message, or the class name when there is none).
        throw new UnsupportedOperationException("Exercise 4.3 not done yet: see HINTS.md#43");
    }

    /** The record that puts {@code deadLetter} back on its original topic, without the dead letter headers. */
    public static ProducerRecord<byte[], byte[]> replayOf(ConsumerRecord<byte[], byte[]> deadLetter) {
        // TODO 4.3: back to the ORIGINAL_TOPIC header's topic (none: IllegalArgumentException), same key and
        //           value, the headers without the dlt.* ones, plus REPLAYED_FROM = "topic-partition@offset".
        throw new UnsupportedOperationException("Exercise 4.3 not done yet: see HINTS.md#43");
    }

    /**
     * Replays every dead letter not replayed before, and returns how many. {@code consumer} has a group
     * id: its committed offsets remember what was replayed, so a second call replays only newer ones.
     */
    public static int replay(Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> producer,
                             String deadLetterTopic) throws ExecutionException, InterruptedException {
        // TODO 4.3: assign the dead letter topic's partitions; take their end offsets now; poll until every
        //           position reaches its end; send replayOf each record below its end offset; wait for every
        //           send; commit the end offsets; return how many were sent.
        throw new UnsupportedOperationException("Exercise 4.3 not done yet: see HINTS.md#43");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
