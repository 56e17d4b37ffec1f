package lab.week05;

import java.time.Duration;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads one assigned partition from the reader's position up to {@code end} (given; the stores use it).
 * Bounded: with the broker gone, poll() returns nothing forever, so the read gives up with a message
 * instead of hanging the service.
 */
final class ReadToEnd {

    static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(100);

    private ReadToEnd() {
    }

    static void read(org.apache.kafka.clients.consumer.Consumer<String, String> reader, TopicPartition partition, long end,
                     Consumer<ConsumerRecord<String, String>> each) {
        var deadline = System.nanoTime() + DEADLINE.toNanos();
        while (reader.position(partition) < end) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Read " + partition + " only up to offset " + reader.position(partition)
                        + " of " + end + " in " + DEADLINE.toSeconds() + " s: is the broker reachable?");
            }
            for (var record : reader.poll(POLL)) {
                if (record.offset() < end) { // records written after the read began wait for the next read
                    each.accept(record);
                }
            }
        }
    }
}
