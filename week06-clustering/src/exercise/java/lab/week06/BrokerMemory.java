package lab.week06;

import java.io.IOException;

import javax.management.JMException;
import javax.management.MBeanServerConnection;

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
        // TODO 6.10: ask the broker's JVM, not this one; a JVM has more than one garbage collector.
        throw new UnsupportedOperationException("Exercise 6.10 not done yet: see HINTS.md#610");
    }

    /** The memory process {@code pid} really occupies, in bytes: Linux's resident set ({@code VmRSS}). */
    public static long residentBytes(long pid) throws IOException {
        // TODO 6.10: resident, not virtual; mind the unit the operating system reports it in.
        throw new UnsupportedOperationException("Exercise 6.10 not done yet: see HINTS.md#610");
    }

    /**
     * How many seconds of the newest writes fit in the page cache: what is left of the machine's memory
     * after the brokers' resident memory, divided by the rate records are written; 0 when nothing is left.
     * Consumers reading within that window read from memory, not from disk.
     */
    public static double pageCacheSeconds(long machineBytes, long residentBytes, long bytesInPerSecond) {
        // TODO 6.10: never below 0, and not rounded to whole seconds.
        throw new UnsupportedOperationException("Exercise 6.10 not done yet: see HINTS.md#610");
    }
}
