package lab.week03;

import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Given for 3.7 to 3.9: what a processing loop does after a failure. {@code poll()} has already moved
 * the consumer past every record it returned, so a caller that goes on polling would skip whatever was
 * not handled (until a restart reads from the committed offset). This seeks every partition of the poll
 * back to its first record that was not handled.
 */
public final class PollRewind {

    private PollRewind() {
    }

    /**
     * @param handled per partition, the next offset after the records that were handled (what a commit
     *                would name); a partition missing here goes back to its first record in the poll
     */
    public static void toFirstUnhandled(Consumer<?, ?> consumer, ConsumerRecords<?, ?> records,
                                        Map<TopicPartition, OffsetAndMetadata> handled) {
        for (var partition : records.partitions()) {
            var next = handled.get(partition);
            consumer.seek(partition, next != null ? next.offset() : records.records(partition).get(0).offset());
        }
    }
}
