package lab.week07;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Exercise 7.2: consumer lag, as a monitor measures it from outside the consumer. Lag in records says
 * how much work is queued; lag in time says how stale the group's view of the world is, which is what a
 * shop's users notice ("my order shows as unpaid for two minutes"). 1,000 records behind is nothing on a
 * busy topic and an hour on a quiet one.
 */
public final class LagReader {

    private static final Duration PEEK_TIMEOUT = Duration.ofSeconds(10);

    private final Admin admin;
    private final Consumer<String, String> peeker;
    private final Clock clock;

    /** {@code peeker}: a consumer without a group, used only to read single records by offset. */
    public LagReader(Admin admin, Consumer<String, String> peeker, Clock clock) {
        this.admin = admin;
        this.peeker = peeker;
        this.clock = clock;
    }

    /** The group's lag on every partition it has committed an offset for. */
    public Map<TopicPartition, PartitionLag> lagOf(String group) throws ExecutionException, InterruptedException {
        var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        var specs = new HashMap<TopicPartition, OffsetSpec>();
        committed.keySet().forEach(partition -> specs.put(partition, OffsetSpec.latest()));
        var ends = admin.listOffsets(specs).all().get();
        var lags = new HashMap<TopicPartition, PartitionLag>();
        committed.forEach((partition, offset) -> {
            var end = ends.get(partition).offset();
            var records = Math.max(0, end - offset.offset());
            // The oldest unread record is the one at the committed offset: how long it has waited is the lag in time.
            var behind = records == 0 ? Duration.ZERO : Duration.between(writtenAt(partition, offset.offset()), clock.instant());
            lags.put(partition, new PartitionLag(partition, offset.offset(), end, records, behind));
        });
        return lags;
    }

    private Instant writtenAt(TopicPartition partition, long offset) {
        peeker.assign(List.of(partition));
        peeker.seek(partition, offset);
        var deadline = System.nanoTime() + PEEK_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (var record : peeker.poll(Duration.ofMillis(100)).records(partition)) {
                return Instant.ofEpochMilli(record.timestamp());
            }
        }
        throw new IllegalStateException("No record at offset " + offset + " of " + partition + " within " + PEEK_TIMEOUT.toSeconds()
                + " s, though the end offset is beyond it: was it deleted by retention?");
    }
}
