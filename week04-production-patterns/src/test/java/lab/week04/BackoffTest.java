package lab.week04;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static lab.kit.junit.LabAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backoff is arithmetic, so these tests need no broker; 4.4 puts it to work on retry topics. A seeded
 * random makes every run draw the same numbers.
 */
@Tag("ex4.2")
@DisplayName("4.2 Exponential backoff with full jitter")
class BackoffTest {

    private static final Duration BASE = Duration.ofMillis(100);
    private static final Duration MAX = Duration.ofSeconds(2);

    private final Backoff backoff = new Backoff(BASE, MAX, new SplittableRandom(42));

    @Test
    @DisplayName("the ceiling doubles with each attempt: 100, 200, 400, 800, 1600 ms")
    void ceilingDoubles() {
        var ceilings = IntStream.rangeClosed(1, 5).mapToObj(backoff::ceiling).map(Duration::toMillis).toList();

        assertThat(ceilings).as("ceiling(1..5) with base 100 ms: base x 2^(attempt-1)")
                .containsExactly(100L, 200L, 400L, 800L, 1600L);
    }

    @Test
    @DisplayName("the ceiling stops at max, even after 1,000 attempts")
    void ceilingIsCapped() {
        assertThat(backoff.ceiling(6)).as("ceiling(6): 3200 ms capped at max 2 s").isEqualTo(MAX);
        assertThat(backoff.ceiling(1_000)).as("ceiling(1000): 2^999 overflows a long; stop doubling at max")
                .isEqualTo(MAX);
    }

    @Test
    @DisplayName("no attempt overflows the ceiling: every one from 6 to 1,000 waits at most max")
    void ceilingNeverOverflows() {
        var notCapped = IntStream.rangeClosed(6, 1_000).mapToObj(attempt -> attempt + ": " + ceilingOrOverflow(attempt))
                .filter(ceiling -> !ceiling.endsWith(": " + MAX.toMillis() + " ms")).toList();

        assertThat(notCapped).as("attempts from 6 to 1000 whose ceiling is not max 2 s (2^(attempt-1) does not fit "
                + "in a long from attempt 64, and a shift wraps around: stop doubling once max is reached)").isEmpty();
    }

    /** The ceiling of {@code attempt} in ms, or the overflow computing it threw, for the list of wrong ones. */
    private String ceilingOrOverflow(int attempt) {
        try {
            return backoff.ceiling(attempt).toMillis() + " ms";
        } catch (ArithmeticException e) {
            return "ArithmeticException: " + e.getMessage();
        }
    }

    @Test
    @DisplayName("attempt 0 is refused: attempts count from 1, the first retry")
    void attemptsCountFromOne() {
        assertFails("ceiling(0): attempts count from 1 (the first retry), so 0 must be refused",
                () -> backoff.ceiling(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
    }

    @Test
    @DisplayName("delays spread over the whole window from 0 to the ceiling (full jitter)")
    void delaysSpreadOverTheWindow() {
        var delays = IntStream.range(0, 2_000).mapToLong(i -> backoff.delayFor(3).toMillis()).toArray();

        var stats = Arrays.stream(delays).summaryStatistics();
        assertThat(stats.getMin()).as("smallest of 2,000 delays before attempt 3").isBetween(0L, 20L);
        assertThat(stats.getMax()).as("largest of 2,000 delays (ceiling 400 ms)").isBetween(380L, 400L);
        assertThat(stats.getAverage()).as("average delay: uniform over [0, 400] averages about 200")
                .isBetween(180.0, 220.0);
    }

    @Test
    @DisplayName("consumers that failed together come back at different times")
    void jitterSeparatesClients() {
        var clients = IntStream.range(0, 50).mapToObj(seed -> new Backoff(BASE, MAX, new SplittableRandom(seed)));

        var firstRetries = new HashSet<Long>();
        clients.forEach(client -> firstRetries.add(client.delayFor(4).toMillis()));

        assertThat(firstRetries).as("distinct delays of 50 clients before attempt 4 (no jitter gives 1)")
                .hasSizeGreaterThan(40);
    }
}
