package lab.week08;

import org.apache.kafka.clients.admin.Admin;

/**
 * Exercise 8.6: the broker's certificate expires in a week. Restarting every broker to swap it would move
 * every partition's leadership twice and stall the shop's writes; Kafka can swap a listener's keystore on a
 * running broker instead. New connections get the new certificate; open ones keep theirs until they close.
 */
public final class CertificateRotation {

    private CertificateRotation() {
    }

    /**
     * Gives the listener {@code listener} (e.g. "SSL") of broker {@code brokerId} the keystore {@code fresh},
     * without a restart. Throws, with the broker's reason, when the broker refuses it.
     */
    public static void rotate(Admin admin, int brokerId, String listener, Keystore fresh) {
        // TODO 8.6: change that listener's keystore in the broker's dynamic configuration.
        throw new UnsupportedOperationException("Exercise 8.6 not done yet: see HINTS.md#86");
    }
}
