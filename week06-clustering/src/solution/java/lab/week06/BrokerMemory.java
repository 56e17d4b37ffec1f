package lab.week06;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * Exercise 6.10: a broker's memory, read from outside as monitoring does. A broker keeps little in its
 * heap; the records it serves come from the operating system's page cache, the memory no process owns.
 * So a broker machine gives the JVM a modest heap and leaves the rest to the page cache, and an
 * operator checks both: the heap and its garbage collection over JMX, the process's real footprint
 * (its resident set, heap and everything else the JVM holds) from the operating system.
 */
public final class BrokerMemory {

    private BrokerMemory() {
    }

    /** The heap and the garbage collection of the JVM at the other end of {@code jvm}, all collectors together. */
    public static MemoryReading read(MBeanServerConnection jvm) throws IOException, JMException {
        var heap = MemoryUsage.from((CompositeData) jvm.getAttribute(
                new ObjectName(ManagementFactory.MEMORY_MXBEAN_NAME), "HeapMemoryUsage"));
        long collections = 0;
        long millis = 0;
        // One bean per collector (young and old generation): a full collection counts only in the old one.
        for (var collector : jvm.queryNames(new ObjectName(ManagementFactory.GARBAGE_COLLECTOR_MXBEAN_DOMAIN_TYPE + ",*"), null)) {
            collections += Math.max(0, ((Number) jvm.getAttribute(collector, "CollectionCount")).longValue());
            millis += Math.max(0, ((Number) jvm.getAttribute(collector, "CollectionTime")).longValue());
        }
        return new MemoryReading(heap.getUsed(), heap.getMax(), collections, millis);
    }

    /** The memory process {@code pid} really occupies, in bytes: Linux's resident set ({@code VmRSS}). */
    public static long residentBytes(long pid) throws IOException {
        for (var line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                var kibibytes = Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").strip());
                return kibibytes * 1024;
            }
        }
        throw new IOException("/proc/" + pid + "/status has no VmRSS line: is " + pid + " a running process?");
    }

    /**
     * How many seconds of the newest writes fit in the page cache: what is left of the machine's memory
     * after the brokers' resident memory, divided by the rate records are written; 0 when nothing is left.
     * Consumers reading within that window read from memory, not from disk.
     */
    public static double pageCacheSeconds(long machineBytes, long residentBytes, long bytesInPerSecond) {
        return Math.max(0, machineBytes - residentBytes) / (double) bytesInPerSecond;
    }
}
