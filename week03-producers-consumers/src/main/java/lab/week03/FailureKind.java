package lab.week03;

/** What a failed send means for the service that made it, and so what it should do next. */
public enum FailureKind {
    /**
     * Retriable (a broker unreachable, a leader moving), but the producer's own retries ran out at
     * {@code delivery.timeout.ms}. The producer is fine: send again later, or park the record.
     */
    RETRIES_EXHAUSTED,
    /** This record can never be stored as it is (too large, not serializable, an invalid topic); others can. */
    BAD_RECORD,
    /** The producer itself can no longer be used (fenced by a newer instance, not authorized): close it. */
    PRODUCER_FATAL
}
