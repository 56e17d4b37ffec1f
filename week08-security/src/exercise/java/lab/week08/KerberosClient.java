package lab.week08;

import java.nio.file.Path;
import java.util.Map;

/**
 * Exercise 8.9: in the shop's data centre every machine and service already has a Kerberos identity,
 * issued by the company's KDC, with its key in a keytab file. Kafka can use it (SASL GSSAPI): no passwords
 * to hand out, tickets that expire on their own. The client logs in from its keytab and asks the KDC for a
 * ticket to the broker's service principal ({@code kafka/<host>}); the broker turns the client's principal
 * into a user name for its ACLs. The shop's services are in the realm SHOP.LAB, the KDC's own (its default):
 * {@code order-service@SHOP.LAB} and {@code order-service/worker-1@SHOP.LAB} (a service on a host) are both
 * {@code User:order-service}. Its people log in from the company directory's realm, which the KDC trusts:
 * {@code alice@CORP.LAB} is {@code User:alice}. A partner's realm (PARTNER.ORG) must never make a shop user.
 */
public final class KerberosClient {

    private KerberosClient() {
    }

    /** Client settings for {@code principal} (with its realm), whose key is in {@code keytab}, on a GSSAPI listener. */
    public static Map<String, Object> settings(String principal, Path keytab) {
        // TODO 8.9: a GSSAPI login from the keytab, to the broker's "kafka" service.
        throw new UnsupportedOperationException("Exercise 8.9 not done yet: see HINTS.md#89");
    }

    /** The broker's sasl.kerberos.principal.to.local.rules: the shop's and the directory's principals to user names. */
    public static String toLocalRules() {
        // TODO 8.9: the directory's people by name; the shop's own realm as Kafka does by default; nobody else.
        throw new UnsupportedOperationException("Exercise 8.9 not done yet: see HINTS.md#89");
    }
}
