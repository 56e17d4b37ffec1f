package lab.week08;

import java.util.Map;

import org.apache.kafka.clients.admin.Admin;

/**
 * Exercise 8.3: the payment service logs in with a user name and a password. With SCRAM the broker never
 * stores the password, only a salted, iterated hash, and the password never crosses the wire: client and
 * broker prove to each other that they know it. Users are made and removed on a running cluster through
 * the Admin API (KRaft keeps them in its metadata), not in a file on each broker.
 */
public final class ScramUsers {

    /** The mechanism the shop's brokers offer beside PLAIN on their SASL_SSL listener. */
    public static final String MECHANISM = "SCRAM-SHA-512";

    private ScramUsers() {
    }

    /** Creates {@code user} with {@code password} for SCRAM-SHA-512, or gives an existing user that password. */
    public static void create(Admin admin, String user, String password) {
        // TODO 8.3: store the user's SCRAM-SHA-512 credential on the cluster, with enough iterations.
        throw new UnsupportedOperationException("Exercise 8.3 not done yet: see HINTS.md#83");
    }

    /** Removes {@code user}'s SCRAM-SHA-512 credential: the user can no longer log in. */
    public static void remove(Admin admin, String user) {
        // TODO 8.3: delete the credential.
        throw new UnsupportedOperationException("Exercise 8.3 not done yet: see HINTS.md#83");
    }

    /** Client settings for {@code user} on a SASL_SSL listener, trusting {@code shopCa}'s certificates. */
    public static Map<String, Object> clientSettings(String user, String password, Truststore shopCa) {
        // TODO 8.3: TLS around a SCRAM-SHA-512 login.
        throw new UnsupportedOperationException("Exercise 8.3 not done yet: see HINTS.md#83");
    }
}
