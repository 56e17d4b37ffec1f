package lab.week04;

/**
 * A circuit breaker as {@link GuardedConsumer} uses it. 4.5 writes one; 4.6 adapts Resilience4j's.
 *
 * <pre>
 * CLOSED    --(threshold failures in a row)-->  OPEN
 * OPEN      --(openFor has passed, next ask)--> HALF_OPEN (one trial call allowed)
 * HALF_OPEN --(the trial succeeds)-->           CLOSED
 * HALF_OPEN --(the trial fails)-->              OPEN (for another openFor)
 * </pre>
 */
public interface Breaker {

    enum State { CLOSED, OPEN, HALF_OPEN }

    /**
     * Whether a call may go ahead now. CLOSED: yes. OPEN: no, until {@code openFor} has passed; then the
     * breaker turns HALF_OPEN and says yes once, for a trial. HALF_OPEN: no while the trial is out.
     */
    boolean allowsCall();

    /** The call that {@link #allowsCall()} let through succeeded. */
    void onSuccess();

    /** The call that {@link #allowsCall()} let through failed. */
    void onFailure(Throwable error);

    State state();
}
