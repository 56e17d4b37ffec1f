package lab.week08;

/**
 * Exercise 8.2: a client that cannot connect to a secured listener says "SSL handshake failed", or nothing
 * at all. The reason is further down, in the causes: the JVM's own TLS errors and the alerts the broker
 * sent back. The on-call engineer reads them and names the problem; write that reading down.
 */
public final class TlsDiagnosis {

    private TlsDiagnosis() {
    }

    /** What went wrong, from what the client threw (with its causes). */
    public static TlsProblem diagnose(Throwable failure) {
        // TODO 8.2: name the problem from the failure and its causes.
        throw new UnsupportedOperationException("Exercise 8.2 not done yet: see HINTS.md#82");
    }
}
