package lab.week04;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;

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
        var config = CircuitBreakerConfig.custom()
                // The last failureThreshold calls, and all of them must fail: "n failures in a row" as a rate.
                .slidingWindowType(SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(failureThreshold)
                .minimumNumberOfCalls(failureThreshold)
                .failureRateThreshold(100)
                .waitDurationInOpenState(openFor)
                // One trial call in half-open, as in 4.5.
                .permittedNumberOfCallsInHalfOpenState(1)
                .clock(clock)
                .build();
        this.breaker = io.github.resilience4j.circuitbreaker.CircuitBreaker.of(name, config);
    }

    /** The Resilience4j breaker itself, for its events and metrics. */
    public io.github.resilience4j.circuitbreaker.CircuitBreaker circuitBreaker() {
        return breaker;
    }

    @Override
    public boolean allowsCall() {
        // Also moves OPEN to HALF_OPEN once the wait is over, and takes one of the half-open permits.
        return breaker.tryAcquirePermission();
    }

    @Override
    public void onSuccess() {
        // The duration feeds the slow-call rate; this lab does not time calls.
        breaker.onSuccess(0, TimeUnit.NANOSECONDS);
    }

    @Override
    public void onFailure(Throwable error) {
        breaker.onError(0, TimeUnit.NANOSECONDS, error);
    }

    @Override
    public State state() {
        return switch (breaker.getState()) {
            case OPEN, FORCED_OPEN -> State.OPEN;
            case HALF_OPEN -> State.HALF_OPEN;
            case CLOSED, DISABLED, METRICS_ONLY -> State.CLOSED;
        };
    }
}
