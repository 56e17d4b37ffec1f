package lab.week07;

import java.time.Duration;
import java.util.Map;

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
        // TODO 7.15: segment size and roll time, from the data a retention holds.
        throw new UnsupportedOperationException("Exercise 7.15 not done yet: see HINTS.md#715");
    }

    /** Topic configs for the audit topic: the broker acknowledges a write only once it is on its disk. */
    public static Map<String, String> fsyncEveryWrite() {
        // TODO 7.15: the topic's flush setting.
        throw new UnsupportedOperationException("Exercise 7.15 not done yet: see HINTS.md#715");
    }
}
