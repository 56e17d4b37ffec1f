package lab.week07;

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
        // TODO 7.12: compare the window's last third with its first third.
        throw new UnsupportedOperationException("Exercise 7.12 not done yet: see HINTS.md#712");
    }
}
