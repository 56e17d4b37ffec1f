package lab.week04;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

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

    /** How long a replay may take to read the dead letters there were when it began. */
    private static final Duration REPLAY_DEADLINE = Duration.ofSeconds(30);

    private DeadLetters() {
    }

    /** The dead letter for {@code failed}: its key, value and headers as they were, plus origin and error. */
    public static ProducerRecord<byte[], byte[]> deadLetterOf(ConsumerRecord<byte[], byte[]> failed, Exception error,
                                                              String deadLetterTopic) {
        var deadLetter = new ProducerRecord<>(deadLetterTopic, failed.key(), failed.value());
        // The original headers first (trace ids, event types): a replay must carry them back unchanged.
        failed.headers().forEach(header -> deadLetter.headers().add(header));
        deadLetter.headers()
                .add(ORIGINAL_TOPIC, utf8(failed.topic()))
                .add(ORIGINAL_PARTITION, utf8(String.valueOf(failed.partition())))
                .add(ORIGINAL_OFFSET, utf8(String.valueOf(failed.offset())))
                .add(ERROR_CLASS, utf8(error.getClass().getName()))
                // Some exceptions have no message; the class name is better than an empty header.
                .add(ERROR_MESSAGE, utf8(error.getMessage() != null ? error.getMessage() : error.getClass().getName()));
        return deadLetter;
    }

    /** The record that puts {@code deadLetter} back on its original topic, without the dead letter headers. */
    public static ProducerRecord<byte[], byte[]> replayOf(ConsumerRecord<byte[], byte[]> deadLetter) {
        var origin = deadLetter.headers().lastHeader(ORIGINAL_TOPIC);
        if (origin == null) {
            throw new IllegalArgumentException("Not a dead letter: " + deadLetter.topic() + "-" + deadLetter.partition()
                    + "@" + deadLetter.offset() + " has no " + ORIGINAL_TOPIC + " header");
        }
        var replay = new ProducerRecord<>(new String(origin.value(), StandardCharsets.UTF_8), deadLetter.key(),
                deadLetter.value());
        for (Header header : deadLetter.headers()) {
            if (!header.key().startsWith(DEAD_LETTER_HEADERS)) {
                replay.headers().add(header);
            }
        }
        // Lets the consumer (and a person reading the topic) tell a replay from the first delivery.
        replay.headers().add(REPLAYED_FROM, utf8(deadLetter.topic() + "-" + deadLetter.partition() + "@" + deadLetter.offset()));
        return replay;
    }

    /**
     * Replays every dead letter not replayed before, and returns how many. {@code consumer} has a group
     * id: its committed offsets remember what was replayed, so a second call replays only newer ones.
     */
    public static int replay(Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> producer,
                             String deadLetterTopic) throws ExecutionException, InterruptedException {
        var partitions = consumer.partitionsFor(deadLetterTopic).stream()
                .map(info -> new TopicPartition(deadLetterTopic, info.partition())).toList();
        consumer.assign(partitions);
        // Replay what is there now; dead letters parked during the replay wait for the next one.
        var end = consumer.endOffsets(partitions);
        var replayed = new ArrayList<Future<RecordMetadata>>();
        var deadline = System.nanoTime() + REPLAY_DEADLINE.toNanos(); // with the broker gone, poll() returns nothing forever
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Replay read only part of " + deadLetterTopic + " in " + REPLAY_DEADLINE
                        + "; nothing was committed, so the next replay starts at the same place. Is the broker reachable?");
            }
            for (var deadLetter : consumer.poll(Duration.ofMillis(200))) {
                if (deadLetter.offset() < end.get(new TopicPartition(deadLetter.topic(), deadLetter.partition()))) {
                    replayed.add(producer.send(replayOf(deadLetter)));
                }
            }
        }
        // Every replay stored before the commit (get() throws if one was not): a crash or a failed send
        // here replays again rather than losing a record.
        for (var stored : replayed) {
            stored.get();
        }
        var done = new HashMap<TopicPartition, OffsetAndMetadata>();
        end.forEach((partition, offset) -> done.put(partition, new OffsetAndMetadata(offset)));
        consumer.commitSync(done);
        return replayed.size();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
