package lab.kit.load;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Which key the next record gets: none, uniform over {@code keys} keys, or Zipf-skewed (exponent
 * {@code skew}), where key 0 is the hottest. Real traffic is skewed (a few customers or products
 * dominate), and a hot key means a hot partition: that is what week 7's troubleshooting lab shows.
 */
final class KeyChooser {

    private final double[] cumulative;

    private KeyChooser(double[] cumulative) {
        this.cumulative = cumulative;
    }

    /** {@code keys} 0: records without a key (Kafka's sticky partitioner spreads them, as kafka-producer-perf-test does). */
    static KeyChooser of(int keys, double skew) {
        if (keys < 0 || skew < 0) {
            throw new IllegalArgumentException("keys and skew must not be negative; got keys " + keys + ", skew " + skew);
        }
        var weights = new double[keys];
        var total = 0.0;
        for (int rank = 0; rank < keys; rank++) {
            weights[rank] = 1.0 / Math.pow(rank + 1, skew);
            total += weights[rank];
        }
        var running = 0.0;
        for (int rank = 0; rank < keys; rank++) {
            running += weights[rank] / total;
            weights[rank] = running;
        }
        return new KeyChooser(weights);
    }

    boolean keyless() {
        return cumulative.length == 0;
    }

    /** The key's rank, 0 the most frequent; -1 when records have no key. */
    int next(SplittableRandom random) {
        if (keyless()) {
            return -1;
        }
        var found = Arrays.binarySearch(cumulative, random.nextDouble());
        return Math.min(found >= 0 ? found : -found - 1, cumulative.length - 1);
    }

    /** The share of records the hottest key gets: 1/keys when uniform, far more when skewed. */
    double hottestShare() {
        return keyless() ? 0 : cumulative[0];
    }
}
