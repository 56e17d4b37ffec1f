package lab.week07;

import java.util.List;

/**
 * Exercise 7.5: a status for a consumer group, from its lag over time. A lag threshold ("alert above
 * 10,000") fires on every burst of orders and stays quiet for a group that is stuck on a quiet topic.
 * Judging the trend does better: a group that keeps committing and catches up is fine at any lag; one
 * whose lag grows at every look is too slow; one that commits nothing while records wait is stuck.
 */
public final class LagStatus {

    private LagStatus() {
    }

    /** The status of a group from {@code window}, its samples oldest first (at least two). */
    public static GroupStatus of(List<GroupSample> window) {
        if (window.size() < 2) {
            throw new IllegalArgumentException("A status needs at least 2 samples to see a trend; got " + window.size());
        }
        var newest = window.get(window.size() - 1);
        // Order matters: nothing waiting is fine whatever else is true; no members explains a standstill.
        if (newest.lag() == 0) {
            return GroupStatus.OK;
        }
        if (newest.members() == 0) {
            return GroupStatus.STOPPED;
        }
        if (window.stream().allMatch(sample -> sample.committed() == window.get(0).committed())) {
            return GroupStatus.STALLED;
        }
        for (int i = 1; i < window.size(); i++) {
            if (window.get(i).lag() <= window.get(i - 1).lag()) {
                return GroupStatus.OK; // it caught up at least once in the window
            }
        }
        return GroupStatus.LAGGING;
    }
}
