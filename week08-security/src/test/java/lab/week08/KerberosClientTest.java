package lab.week08;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lab.kit.broker.EmbeddedCluster;
import lab.kit.security.KerberosKdc;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.security.kerberos.KerberosName;
import org.apache.kafka.common.security.kerberos.KerberosShortNamer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real KDC (Apache Kerby) and a broker with a GSSAPI listener, both in the test's JVM, started with the
 * learner's principal-to-user rules; the learner's clients log in from keytabs the KDC made. The last test
 * stops the KDC and shows what a client meets then.
 */
@Tag("ex8.9")
@DisplayName("8.9 Kerberos: logging in with a keytab (GSSAPI)")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KerberosClientTest {

    private static final String TOPIC = "shop.orders";
    /** The KDC's files: its configuration and the keytabs, for the whole class. */
    @TempDir
    static Path folder;
    private static KerberosKdc kdc;
    private static EmbeddedCluster broker;

    @Test
    @Order(1)
    @DisplayName("the rules turn the shop's services, on hosts or not, and the directory's people into users; no partner")
    void rulesMapTheShopsPrincipals() throws Exception {
        var rules = KerberosClient.toLocalRules();
        var namer = KerberosShortNamer.fromUnparsedRules(KerberosKdc.REALM, List.of(rules.split(",")));
        var expected = new java.util.LinkedHashMap<String, String>();
        expected.put("order-service@SHOP.LAB", "order-service");
        expected.put("order-service/worker-1.shop.lab@SHOP.LAB", "order-service");
        expected.put("kafka/localhost@SHOP.LAB", "kafka");
        expected.put("alice@CORP.LAB", "alice");

        for (var entry : expected.entrySet()) {
            assertThat(namer.shortName(KerberosName.parse(entry.getKey()))).as("the user Kafka's KerberosShortNamer makes of %s"
                    + " with your rules %s", entry.getKey(), rules).isEqualTo(entry.getValue());
        }
        String foreign;
        try {
            foreign = namer.shortName(KerberosName.parse("order-service@PARTNER.ORG"));
        } catch (Exception e) {
            foreign = "(no user: " + e.getClass().getSimpleName() + ")";
        }
        assertThat(foreign).as("the user made of order-service@PARTNER.ORG, another company's realm, with your rules %s:"
                + " it must not be the shop's order-service", rules).isNotEqualTo("order-service");
    }

    @Test
    @Order(2)
    @DisplayName("a service logs in from its keytab and gets what its user was granted")
    void logsInFromItsKeytab() {
        var orders = kdc().principal("order-service");

        var refused = describe(KerberosClient.settings(orders.name(), orders.keytab()));

        assertThat(refused).as("describing %s as %s from its keytab (User:order-service may):%s", TOPIC, orders.name(),
                refused == null ? "" : Clients.chain(refused)).isNull();
    }

    @Test
    @Order(3)
    @DisplayName("a service's principal on a host is the same user")
    void serviceOnAHost() {
        var worker = kdc().principal("order-service/worker-1.shop.lab");

        var refused = describe(KerberosClient.settings(worker.name(), worker.keytab()));

        assertThat(refused).as("describing %s as %s (User:order-service may):%s", TOPIC, worker.name(),
                refused == null ? "" : Clients.chain(refused)).isNull();
    }

    @Test
    @Order(4)
    @DisplayName("another service's keytab does not log in as the order service")
    void wrongKeytab() {
        var payments = kdc().principal("payment-service");

        var refused = describe(KerberosClient.settings("order-service@" + KerberosKdc.REALM, payments.keytab()));

        assertThat(refused).as("logging in as order-service with payment-service's keytab").isNotNull();
    }

    @Test
    @Order(5)
    @DisplayName("with the KDC down, a new client cannot log in: a LoginException, connection refused")
    void kdcDown() {
        var notifications = kdc().principal("notification-service");
        kdc.close();

        var refused = describe(KerberosClient.settings(notifications.name(), notifications.keytab()));

        assertThat(refused).as("a new client with the KDC down").isNotNull();
        System.out.println("[lab] 8.9 with the KDC down, a new client meets:" + Clients.chain(refused));
        // Kafka's words are only "LoginException: Connection refused", at the client's creation: the KDC is
        // the only thing a login connects to, so that is what it means.
        assertThat(Clients.chain(refused)).as("what a client meets with the KDC down").contains("LoginException")
                .contains("Connection refused");
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
        if (kdc != null) {
            kdc.close();
        }
    }

    /** The KDC and the broker, started once for the class, with the learner's rules. */
    private static synchronized KerberosKdc kdc() {
        if (kdc == null) {
            var rules = KerberosClient.toLocalRules(); // your rules first: a stub stops here, before anything starts
            kdc = KerberosKdc.start(folder.resolve("kdc"));
            var kafka = kdc.principal("kafka/localhost");
            var config = new HashMap<String, String>();
            config.put("listeners", "EXTERNAL://localhost:0,CONTROLLER://localhost:0,KERBEROS://localhost:0");
            config.put("advertised.listeners", "EXTERNAL://localhost:0,KERBEROS://localhost:0");
            config.put("listener.security.protocol.map", "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT,KERBEROS:SASL_PLAINTEXT");
            config.put("listener.name.kerberos.sasl.enabled.mechanisms", "GSSAPI");
            config.put("listener.name.kerberos.gssapi.sasl.jaas.config", "com.sun.security.auth.module.Krb5LoginModule required"
                    + " useKeyTab=true storeKey=true keyTab=\"" + kafka.keytab() + "\" principal=\"" + kafka.name() + "\";");
            config.put("sasl.kerberos.service.name", "kafka");
            config.put("sasl.kerberos.principal.to.local.rules", rules);
            config.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            config.put("allow.everyone.if.no.acl.found", "false");
            config.put("super.users", "User:ANONYMOUS");
            broker = EmbeddedCluster.start(1, config);
            try (var admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
                admin.createAcls(List.of(new AclBinding(new ResourcePattern(ResourceType.TOPIC, TOPIC, PatternType.LITERAL),
                        new AccessControlEntry("User:order-service", "*", AclOperation.DESCRIBE, AclPermissionType.ALLOW)))).all().get();
            } catch (Exception e) {
                throw new IllegalStateException("Could not prepare the Kerberos broker: " + e, e);
            }
        }
        return kdc;
    }

    /** What describing the topic on the GSSAPI listener throws (its cause); null when allowed. */
    private static Throwable describe(Map<String, Object> settings) {
        var port = broker.broker(broker.brokerIds().iterator().next()).boundPort(new ListenerName("KERBEROS"));
        var refused = org.assertj.core.api.Assertions.catchThrowable(() -> {
            try (var admin = Admin.create(Clients.at("localhost:" + port, settings))) {
                admin.describeTopics(List.of(TOPIC)).allTopicNames().get();
            }
        });
        return refused == null ? null : refused.getCause() != null && refused instanceof java.util.concurrent.ExecutionException
                ? refused.getCause() : refused;
    }
}
