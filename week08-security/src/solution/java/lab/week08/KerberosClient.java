package lab.week08;

import java.nio.file.Path;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

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
        // The lab's GSSAPI listener is SASL_PLAINTEXT: Kerberos proves who is who, it does not encrypt
        // Kafka's data. In production the listener is SASL_SSL.
        return Map.of(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, "GSSAPI",
                // The broker's principal is kafka/<the host the client dialled>@REALM.
                SaslConfigs.SASL_KERBEROS_SERVICE_NAME, "kafka",
                // storeKey: the key stays in memory so the client can renew its ticket without a password.
                SaslConfigs.SASL_JAAS_CONFIG, "com.sun.security.auth.module.Krb5LoginModule required useKeyTab=true"
                        + " storeKey=true keyTab=\"" + keytab + "\" principal=\"" + principal + "\";");
    }

    /** The broker's sasl.kerberos.principal.to.local.rules: the shop's and the directory's principals to user names. */
    public static String toLocalRules() {
        // DEFAULT keeps the first part of a principal of the default realm (SHOP.LAB), host or not, and
        // refuses other realms. The directory's realm needs its own rule: [1:$1@$0] is a one-part principal
        // as "name@REALM", anchored on that realm only.
        return "RULE:[1:$1@$0](.*@CORP\\.LAB)s/@.*//,DEFAULT";
    }
}
