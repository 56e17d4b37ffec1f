package lab.week07;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.config.TopicConfig;

/**
 * Exercise 7.15: what a write costs the broker, set per topic. A partition's log is a chain of segment
 * files; retention deletes whole segments, never part of one, and never the one being written. And the
 * broker leaves it to the operating system to put a write on disk, unless a topic asks for an fsync.
 */
public final class StorageSettings {

    /** Kafka's bounds on segment.bytes (Kafka 4 raised the floor to 1 MiB). */
    public static final long MIN_SEGMENT_BYTES = 1024 * 1024;
    public static final long MAX_SEGMENT_BYTES = 1024 * 1024 * 1024;

    private StorageSettings() {
    }

    /**
     * Topic configs for a topic that takes {@code bytesPerHour} and keeps it for {@code retention}: its data
     * is deleted within about a tenth of the retention of when it should be, at any traffic, in as few
     * segment files as that allows.
     */
    public static Map<String, String> segmentsFor(Duration retention, long bytesPerHour) {
        // A segment goes when its newest record is older than the retention: a segment holding a tenth of
        // the retained data keeps the oldest at most a tenth too long. By size when traffic is high ...
        var retained = bytesPerHour * retention.toMillis() / Duration.ofHours(1).toMillis();
        var segmentBytes = Math.max(MIN_SEGMENT_BYTES, Math.min(MAX_SEGMENT_BYTES, retained / 10));
        // ... and by time when it is low, or a quiet topic's single segment would never be deleted.
        return Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()),
                TopicConfig.SEGMENT_BYTES_CONFIG, Long.toString(segmentBytes),
                TopicConfig.SEGMENT_MS_CONFIG, Long.toString(retention.toMillis() / 10));
    }

    /** Topic configs for the audit topic: the broker acknowledges a write only once it is on its disk. */
    public static Map<String, String> fsyncEveryWrite() {
        // Every append is flushed before the answer. Replication (acks=all, min.insync.replicas) is how
        // Kafka usually makes writes durable; this pays a disk flush per batch on top.
        return Map.of(TopicConfig.FLUSH_MESSAGES_INTERVAL_CONFIG, "1");
    }
}
