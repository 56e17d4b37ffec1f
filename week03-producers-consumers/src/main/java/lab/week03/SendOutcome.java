package lab.week03;

/**
 * What became of one send, in words a service can act on.
 *
 * @param detail the offset for STORED; otherwise what went wrong and what to do about it
 */
public record SendOutcome(Kind kind, String detail) {

    public enum Kind {
        /** The broker stored the record. */
        STORED,
        /** The record is larger than the producer or the broker allows: retrying cannot help. */
        TOO_LARGE,
        /** The topic does not exist (and is not created on the fly): a configuration error. */
        TOPIC_MISSING,
        /** Any other failure, after the producer's own retries ran out (delivery.timeout.ms). */
        FAILED
    }
}
