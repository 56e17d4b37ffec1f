package lab.week07;

import java.time.Instant;

/**
 * One look at a consumer group, summed over its partitions: what it has committed, where the logs end,
 * and how many members it has. A monitor takes one every so often and judges the group by the last few.
 */
public record GroupSample(Instant at, long committed, long end, int members) {

    /** Records written and not yet committed as processed. */
    public long lag() {
        return Math.max(0, end - committed);
    }
}
