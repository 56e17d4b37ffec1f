package lab.week08;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

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
        // 8192 iterations: Kafka refuses fewer than 4096; more makes a stolen hash slower to guess.
        var credential = new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192);
        alter(admin, new UserScramCredentialUpsertion(user, credential, password), "create " + user);
    }

    /** Removes {@code user}'s SCRAM-SHA-512 credential: the user can no longer log in. */
    public static void remove(Admin admin, String user) {
        alter(admin, new UserScramCredentialDeletion(user, ScramMechanism.SCRAM_SHA_512), "remove " + user);
    }

    /** Client settings for {@code user} on a SASL_SSL listener, trusting {@code shopCa}'s certificates. */
    public static Map<String, Object> clientSettings(String user, String password, Truststore shopCa) {
        // SASL_SSL: TLS first, so the login and everything after it are encrypted.
        return Map.of(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL",
                SaslConfigs.SASL_MECHANISM, MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + user + "\" password=\"" + password + "\";",
                SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, shopCa.path().toString(),
                SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, shopCa.password(),
                SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, shopCa.type());
    }

    private static void alter(Admin admin, UserScramCredentialAlteration alteration, String what) {
        try {
            admin.alterUserScramCredentials(List.of(alteration)).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("The cluster refused to " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asked to " + what, e);
        }
    }
}
