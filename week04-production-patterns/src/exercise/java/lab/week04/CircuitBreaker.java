package lab.week04;

import java.time.Clock;
import java.time.Duration;

/**
 * Exercise 4.5: a circuit breaker of your own. When a downstream service fails again and again, calling
 * it more only adds load to something already down, and every caller waits on timeouts. After
 * {@code failureThreshold} failures in a row the breaker opens: calls are refused at once. After
 * {@code openFor} one trial call is let through (half-open); its outcome closes or reopens the breaker.
 * The state diagram is on {@link Breaker}.
 *
 * <pre>{@code
 * var breaker = new CircuitBreaker(3, Duration.ofSeconds(5), Clock.systemUTC());
 * if (breaker.allowsCall()) { try { call(); breaker.onSuccess(); } catch (Exception e) { breaker.onFailure(e); } }
 * }</pre>
 */
public final class CircuitBreaker implements Breaker {

    private final int failureThreshold;
    private final Duration openFor;
    private final Clock clock;
    private State state = State.CLOSED;
    // TODO 4.5: the fields you need: failures in a row, and when the breaker may try again.

    public CircuitBreaker(int failureThreshold, Duration openFor, Clock clock) {
        this.failureThreshold = failureThreshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    @Override
    public synchronized boolean allowsCall() {
        // TODO 4.5: CLOSED: yes. OPEN: no until openUntil; then turn HALF_OPEN and say yes once (the trial).
        //           HALF_OPEN: no (the trial is out).
        throw new UnsupportedOperationException("Exercise 4.5 not done yet: see HINTS.md#45");
    }

    @Override
    public synchronized void onSuccess() {
        // TODO 4.5: back to CLOSED, with no failures counted.
        throw new UnsupportedOperationException("Exercise 4.5 not done yet: see HINTS.md#45");
    }

    @Override
    public synchronized void onFailure(Throwable error) {
        // TODO 4.5: count the failure; a failed trial, or failureThreshold failures in a row, opens the
        //           breaker until now + openFor.
        throw new UnsupportedOperationException("Exercise 4.5 not done yet: see HINTS.md#45");
    }

    @Override
    public synchronized State state() {
        return state;
    }
}
