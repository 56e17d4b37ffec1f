package lab.week04;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exercise 4.2: how long to wait before retry number {@code attempt}. Exponential: each attempt may
 * wait twice as long as the one before ({@code base}, 2 x base, 4 x base, ...) up to {@code max}, so a
 * struggling downstream gets room to recover. With full jitter: the actual wait is drawn uniformly
 * between zero and that ceiling, so a thousand consumers that failed at the same moment do not all come
 * back at the same moment and knock it over again.
 *
 * <pre>{@code
 * var backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), new SplittableRandom());
 * backoff.ceiling(3);    // 400 ms
 * backoff.delayFor(3);   // somewhere in [0 ms, 400 ms]
 * }</pre>
 */
public final class Backoff {

    private final Duration base;
    private final Duration max;
    private final RandomGenerator random;

    public Backoff(Duration base, Duration max, RandomGenerator random) {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("Backoff needs 0 < base <= max, got base " + base + ", max " + max);
        }
        this.base = base;
        this.max = max;
        this.random = random;
    }

    /** The longest wait before retry {@code attempt} (1 = the first retry): base x 2^(attempt-1), capped at max. */
    public Duration ceiling(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("Attempts count from 1 (the first retry), got " + attempt);
        }
        // Stop doubling once past max: 2^(attempt-1) overflows a long at attempt 64, and the cap wins long before.
        var ceiling = base;
        for (var i = 1; i < attempt && ceiling.compareTo(max) < 0; i++) {
            ceiling = ceiling.multipliedBy(2);
        }
        return ceiling.compareTo(max) < 0 ? ceiling : max;
    }

    /** The wait before retry {@code attempt}: uniform between zero and {@link #ceiling(int)} ("full jitter"). */
    public Duration delayFor(int attempt) {
        // Full jitter spreads retries over the whole window; the average wait is half the ceiling.
        return Duration.ofMillis(random.nextLong(ceiling(attempt).toMillis() + 1));
    }
}
