package lab.week04;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

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
    private int failuresInARow;
    private Instant openUntil = Instant.MIN;

    public CircuitBreaker(int failureThreshold, Duration openFor, Clock clock) {
        this.failureThreshold = failureThreshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    @Override
    public synchronized boolean allowsCall() {
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> {
                if (clock.instant().isBefore(openUntil)) {
                    yield false;
                }
                // Time is up: one trial call finds out whether the downstream is back.
                state = State.HALF_OPEN;
                yield true;
            }
            // The trial is out: a struggling service gets one call at a time, not a stampede.
            case HALF_OPEN -> false;
        };
    }

    @Override
    public synchronized void onSuccess() {
        state = State.CLOSED;
        failuresInARow = 0;
    }

    @Override
    public synchronized void onFailure(Throwable error) {
        failuresInARow++;
        // A failed trial reopens at once; in CLOSED it takes failureThreshold failures in a row.
        if (state == State.HALF_OPEN || failuresInARow >= failureThreshold) {
            state = State.OPEN;
            openUntil = clock.instant().plus(openFor);
        }
    }

    @Override
    public synchronized State state() {
        return state;
    }
}
