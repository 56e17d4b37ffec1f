package lab.week07;

import java.util.Collections;
import java.util.List;

/**
 * Exercise 7.12, the diagnosis: a heap that grows is not a leak (garbage waits for the collector), but a
 * heap that grows <em>after</em> a full collection is: what is left is what the service still references.
 * A leak shows as that floor rising across the window, not as one high sample.
 */
public final class LeakDetector {

    private LeakDetector() {
    }

    /**
     * True when the heap after a full GC ({@code heapAfterGc}, bytes, oldest first, at least 6 samples)
     * leaks: the lowest sample of the last third is more than 10% above the highest of the first third.
     */
    public static boolean leaking(List<Long> heapAfterGc) {
        if (heapAfterGc.size() < 6) {
            throw new IllegalArgumentException("a window needs at least 6 samples; got " + heapAfterGc.size());
        }
        var third = heapAfterGc.size() / 3;
        var firstHighest = Collections.max(heapAfterGc.subList(0, third));
        var lastLowest = Collections.min(heapAfterGc.subList(heapAfterGc.size() - third, heapAfterGc.size()));
        return lastLowest > firstHighest * 1.10;
    }
}
