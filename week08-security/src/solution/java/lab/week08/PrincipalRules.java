package lab.week08;

/**
 * Exercise 8.5: on the mTLS listener a client is who its certificate says. The broker reads the
 * certificate's distinguished name and turns it into a user name with its ssl.principal.mapping.rules;
 * ACLs name those users. The shop's CA signs two kinds of certificates:
 *
 * <pre>
 * CN=order-service,OU=shop,O=Kafka Lab     the shop's own services   User:order-service
 * CN=acme,OU=partners,O=Kafka Lab          partners                  User:partner-acme
 * </pre>
 *
 * User names are lower case, whatever the certificate's case. A certificate of any other shape keeps its
 * whole distinguished name as its user, which no ACL grants anything to.
 */
public final class PrincipalRules {

    private PrincipalRules() {
    }

    /** The value of the mTLS listener's ssl.principal.mapping.rules. */
    public static String rules() {
        // The whole name is matched, OU and O included: a partner's certificate for "order-service" must
        // not become the shop's order service. /L lowers the case. The first rule that matches wins;
        // DEFAULT keeps the whole name of any other certificate.
        return "RULE:^CN=([A-Za-z0-9-]+),OU=shop,O=Kafka Lab$/$1/L,"
                + "RULE:^CN=([A-Za-z0-9-]+),OU=partners,O=Kafka Lab$/partner-$1/L,"
                + "DEFAULT";
    }
}
