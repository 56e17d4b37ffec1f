package lab.kit.junit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Things slow to start (a database server) kept once per test JVM. A week's test classes may be loaded
 * anew for every run (./lab watch compiles and loads them in a fresh class loader on each save), so a
 * static field there would start a new server per run and leak the last one; the kit's classes are
 * loaded once, so what is kept here is started once and reused by every run until the JVM exits.
 * Keep only types from the classpath's libraries here (not a week's own classes), and stop them with a
 * shutdown hook.
 */
public final class PerJvm {

    private static final Map<String, Object> KEPT = new ConcurrentHashMap<>();

    private PerJvm() {
    }

    /** The instance kept under {@code key}, started by {@code start} on the first call. */
    public static <T> T get(String key, Class<T> type, Supplier<? extends T> start) {
        return type.cast(KEPT.computeIfAbsent(key, unused -> start.get()));
    }
}
