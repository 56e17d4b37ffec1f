package lab.week04;

import java.time.Clock;
import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

/**
 * Exercise 4.6: the breaker of 4.5, from Resilience4j, as a production service would use it. The
 * library adds what a hand-written one lacks: failure rates over a sliding window (count or time
 * based), slow calls counted as failures, events for every state change, metrics for Micrometer, and
 * years of other people's bug reports. Configured here to behave like 4.5: open after
 * {@code failureThreshold} failures out of that many calls, one trial call when half-open.
 */
public final class Resilience4jBreaker implements Breaker {

    private final io.github.resilience4j.circuitbreaker.CircuitBreaker breaker;

    public Resilience4jBreaker(String name, int failureThreshold, Duration openFor, Clock clock) {
        // TODO 4.6: a count-based sliding window of failureThreshold calls, at least that many calls before
        //           it judges, a 100% failure rate threshold, openFor in the open state, 1 call in half-open,
        //           and the given clock.
        var config = CircuitBreakerConfig.custom().build();
        this.breaker = io.github.resilience4j.circuitbreaker.CircuitBreaker.of(name, config);
    }

    /** The Resilience4j breaker itself, for its events and metrics. */
    public io.github.resilience4j.circuitbreaker.CircuitBreaker circuitBreaker() {
        return breaker;
    }

    @Override
    public boolean allowsCall() {
        // TODO 4.6: ask the Resilience4j breaker for a permission.
        throw new UnsupportedOperationException("Exercise 4.6 not done yet: see HINTS.md#46");
    }

    @Override
    public void onSuccess() {
        // TODO 4.6: tell the Resilience4j breaker the call succeeded (a duration of 0 is fine).
        throw new UnsupportedOperationException("Exercise 4.6 not done yet: see HINTS.md#46");
    }

    @Override
    public void onFailure(Throwable error) {
        // TODO 4.6: tell the Resilience4j breaker the call failed, with the error.
        throw new UnsupportedOperationException("Exercise 4.6 not done yet: see HINTS.md#46");
    }

    @Override
    public State state() {
        // TODO 4.6: map the Resilience4j state (6 of them, FORCED_OPEN, DISABLED and METRICS_ONLY included) onto CLOSED, OPEN, HALF_OPEN.
        throw new UnsupportedOperationException("Exercise 4.6 not done yet: see HINTS.md#46");
    }
}
