package lab.week06;

import java.util.Collection;
import java.util.HashSet;

/**
 * One console line per failure scenario with the counts that matter, for the week's soak script
 * (week06-clustering/soak.sh) to add up over many runs: acknowledged, consumed, lost, duplicated.
 */
final class Counts {

    private Counts() {
    }

    static void print(String scenario, Collection<String> acknowledged, Collection<String> consumed, int failedSends) {
        var consumedOnce = new HashSet<>(consumed);
        var lost = acknowledged.stream().filter(key -> !consumedOnce.contains(key)).count();
        var duplicated = consumed.size() - consumedOnce.size();
        System.out.printf("soak: %s: acknowledged %d, consumed %d, lost %d, duplicated %d, failed sends %d%n",
                scenario, acknowledged.size(), consumed.size(), lost, duplicated, failedSends);
    }
}
