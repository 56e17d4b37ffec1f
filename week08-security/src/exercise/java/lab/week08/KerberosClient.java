package lab.week08;

import java.nio.file.Path;
import java.util.Map;

/**
 * Exercise 8.9: in the shop's data centre every machine and service already has a Kerberos identity,
 * issued by the company's KDC, with its key in a keytab file. Kafka can use it (SASL GSSAPI): no passwords
 * to hand out, tickets that expire on their own. The client logs in from its keytab and asks the KDC for a
 * ticket to the broker's service principal ({@code kafka/<host>}); the broker turns the client's principal
 * into a user name for its ACLs. Kerberos principals look like {@code order-service@SHOP.LAB} (a user) or
 * {@code order-service/worker-1@SHOP.LAB} (a service on a host): both are {@code User:order-service}.
 */
public final class KerberosClient {

    private KerberosClient() {
    }

    /** Client settings for {@code principal} (with its realm), whose key is in {@code keytab}, on a GSSAPI listener. */
    public static Map<String, Object> settings(String principal, Path keytab) {
        // TODO 8.9: a GSSAPI login from the keytab, to the broker's "kafka" service.
        throw new UnsupportedOperationException("Exercise 8.9 not done yet: see HINTS.md#89");
    }

    /** The broker's sasl.kerberos.principal.to.local.rules: the shop's principals, with or without a host, to user names. */
    public static String toLocalRules() {
        // TODO 8.9: one rule for a user's principal, one for a service on a host, then the default.
        throw new UnsupportedOperationException("Exercise 8.9 not done yet: see HINTS.md#89");
    }
}
