package lab.week04;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static lab.week04.BreakerScenario.OPEN_FOR;
import static lab.week04.BreakerScenario.THRESHOLD;
import static org.assertj.core.api.Assertions.assertThat;

@WithKafka
@Tag("ex4.5")
@DisplayName("4.5 A circuit breaker of your own")
class CircuitBreakerTest {

    private final ManualClock clock = new ManualClock();
    private final CircuitBreaker breaker = new CircuitBreaker(THRESHOLD, OPEN_FOR, clock);

    @Test
    @DisplayName("closed: calls go through, and failures with successes between them do not open it")
    void closedToleratesScatteredFailures() {
        var allowed = new ArrayList<Boolean>();

        for (var succeeds : List.of(false, false, true, false, false)) {
            allowed.add(breaker.allowsCall());
            if (succeeds) {
                breaker.onSuccess();
            } else {
                breaker.onFailure(new IllegalStateException("503"));
            }
        }

        assertThat(breaker.state()).as("state after 2 failures, a success, 2 failures (threshold %d in a row: does "
                + "a success start the count again?)", THRESHOLD).isEqualTo(Breaker.State.CLOSED);
        assertThat(allowed).as("allowsCall() before each of those 5 calls").containsOnly(true);
        assertThat(breaker.allowsCall()).as("allowsCall() while closed").isTrue();
    }

    @Test
    @DisplayName("three failures in a row open it: calls are refused until openFor has passed")
    void opensAfterThreshold() {
        fail(THRESHOLD);

        assertThat(breaker.state()).as("state after %d failures in a row", THRESHOLD).isEqualTo(Breaker.State.OPEN);
        assertThat(breaker.allowsCall()).as("allowsCall() right after opening").isFalse();
        clock.advance(OPEN_FOR.minusMillis(1));
        assertThat(breaker.allowsCall()).as("allowsCall() 1 ms before openFor has passed").isFalse();
    }

    @Test
    @DisplayName("after openFor it lets exactly one trial call through (half-open)")
    void halfOpenAllowsOneTrial() {
        fail(THRESHOLD);
        clock.advance(OPEN_FOR);

        var first = breaker.allowsCall();
        var second = breaker.allowsCall();

        assertThat(first).as("allowsCall() once openFor has passed: the trial").isTrue();
        assertThat(breaker.state()).as("state while the trial is out").isEqualTo(Breaker.State.HALF_OPEN);
        assertThat(second).as("allowsCall() again while the trial is out").isFalse();
    }

    @Test
    @DisplayName("a successful trial closes it; a failed trial opens it for another openFor")
    void trialDecides() {
        fail(THRESHOLD);
        clock.advance(OPEN_FOR);
        breaker.allowsCall();
        breaker.onFailure(new IllegalStateException("still down"));

        assertThat(breaker.state()).as("state after a failed trial").isEqualTo(Breaker.State.OPEN);
        clock.advance(OPEN_FOR.minusMillis(1));
        assertThat(breaker.allowsCall()).as("allowsCall() before another full openFor").isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(breaker.allowsCall()).as("allowsCall() after another openFor: the second trial").isTrue();
        breaker.onSuccess();
        assertThat(breaker.state()).as("state after a successful trial").isEqualTo(Breaker.State.CLOSED);
        assertThat(breaker.allowsCall()).as("allowsCall() once closed again").isTrue();
    }

    @Test
    @DisplayName("on the broker: the consumer pauses while the breaker is open and loses no order")
    void guardsAConsumer(KafkaLab kafka) throws Exception {
        BreakerScenario.run(kafka, new CircuitBreaker(THRESHOLD, OPEN_FOR, Clock.systemUTC()));
    }

    private void fail(int times) {
        for (var i = 0; i < times; i++) {
            assertThat(breaker.allowsCall()).as("allowsCall() before failure %d", i + 1).isTrue();
            breaker.onFailure(new IllegalStateException("503"));
        }
    }
}
