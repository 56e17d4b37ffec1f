package lab.week08;

import org.apache.kafka.common.errors.TimeoutException;

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
        // The top says only "SSL handshake failed" (or "Failed to process post-handshake messages" when the
        // broker refused us): the JVM's reason, or the broker's alert, is a cause further down.
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            var message = String.valueOf(cause.getMessage());
            if (message.contains("PKIX path building failed")) {
                return TlsProblem.UNTRUSTED_BROKER;
            }
            if (message.contains("No subject alternative") || message.contains("No name matching")) {
                return TlsProblem.WRONG_HOST;
            }
            if (message.contains("Received fatal alert: bad_certificate") || message.contains("Received fatal alert: certificate_")) {
                return TlsProblem.CLIENT_CERTIFICATE_REFUSED;
            }
            if (message.contains("Failed to load SSL keystore")) {
                return TlsProblem.BAD_STORE;
            }
            // TLS meeting plaintext shows no error at all: each side drops the other, and the client waits.
            if (cause instanceof TimeoutException) {
                return TlsProblem.NO_ANSWER;
            }
        }
        return TlsProblem.OTHER;
    }
}
