package lab.week08;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import lab.kit.junit.KafkaLab;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import static org.assertj.core.api.Assertions.fail;

/** The week's tests' look at what a one-partition topic holds now, after the log cleaner or deletion had their way. */
final class TopicLog {

    private static final Duration READING = Duration.ofSeconds(10);

    private TopicLog() {
    }

    /** Every record of {@code topic}'s partition 0, from its start to its end now. */
    static List<ConsumerRecord<String, String>> read(KafkaLab kafka, String topic) {
        // A consumer of its own, closed here: the kit's would stay registered until the test ends, one per read.
        var config = new HashMap<>(kafka.consumerConfig("unused"));
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (var consumer = new KafkaConsumer<String, String>(config)) {
            var partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            var end = consumer.endOffsets(List.of(partition)).get(partition);
            var records = new ArrayList<ConsumerRecord<String, String>>();
            var deadline = System.nanoTime() + READING.toNanos();
            while (consumer.position(partition) < end) {
                if (System.nanoTime() > deadline) {
                    return fail("Reading %s to its end (offset %d) took more than %d s: at offset %d", topic, end,
                            READING.toSeconds(), consumer.position(partition));
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
