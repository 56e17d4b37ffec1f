package lab.week06;

/**
 * A broker JVM's memory as the JVM itself reports it: the heap in use and its ceiling ({@code -Xmx}), and
 * garbage collection so far, summed over the JVM's collectors (how many collections, and their time).
 */
public record MemoryReading(long heapUsedBytes, long heapMaxBytes, long collections, long collectionMillis) {
}
