package lab.week08;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lab.kit.security.CertificateAuthority.Validity;
import lab.kit.security.SecuredCluster;
import lab.kit.security.SecuredCluster.Listener;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.security.ssl.SslPrincipalMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The learner's rules, read by Kafka's own mapper for the names the shop's CA signs (and for names built to
 * slip through), then on a broker started with them: each certificate may describe only the topic its user
 * was granted.
 */
@Tag("ex8.5")
@DisplayName("8.5 Who a certificate is: principal mapping rules")
class PrincipalRulesTest {

    private static final String WHOLE = "(the whole name: no ACL grants it anything)";

    @Test
    @DisplayName("the shop's services and its partners get short, lower-case names; any other name stays whole")
    void mapsTheShopsNames() throws Exception {
        var rules = PrincipalRules.rules();
        var mapper = SslPrincipalMapper.fromRules(rules);
        var expected = new java.util.LinkedHashMap<String, String>();
        expected.put("CN=order-service,OU=shop,O=Kafka Lab", "order-service");
        expected.put("CN=payment-service,OU=shop,O=Kafka Lab", "payment-service");
        expected.put("CN=Analytics-Service,OU=shop,O=Kafka Lab", "analytics-service");
        expected.put("CN=acme,OU=partners,O=Kafka Lab", "partner-acme");
        expected.put("CN=order-service,OU=partners,O=Kafka Lab", "partner-order-service");
        expected.put("CN=order-service,OU=shop,O=Evil Corp", "CN=order-service,OU=shop,O=Evil Corp");
        expected.put("CN=order-service,OU=shop,O=Kafka Lab,C=ID", "CN=order-service,OU=shop,O=Kafka Lab,C=ID");

        for (var entry : expected.entrySet()) {
            String mapped;
            try {
                mapped = mapper.getName(entry.getKey());
            } catch (Exception e) {
                mapped = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            assertThat(mapped).as("the user Kafka's SslPrincipalMapper makes of %s with your rules %s%s", entry.getKey(), rules,
                    entry.getKey().equals(entry.getValue()) ? " " + WHOLE : "").isEqualTo(entry.getValue());
        }
    }

    @Test
    @DisplayName("a broker started with the rules: each certificate gets what its user was granted, and no more")
    void onABroker() throws Exception {
        var rules = PrincipalRules.rules();
        try (var broker = SecuredCluster.start(Map.of("listener.name.mtls.ssl.principal.mapping.rules", rules));
             var kit = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            kit.createTopics(List.of(new NewTopic("shop.orders", 1, (short) 1), new NewTopic("partners.prices", 1, (short) 1))).all().get();
            kit.createAcls(List.of(describe("User:order-service", "shop.orders"), describe("User:partner-acme", "partners.prices")))
                    .all().get();

            assertThat(describes(broker, "CN=order-service,OU=shop,O=Kafka Lab", "shop.orders")).as("the shop's order service"
                    + " describing shop.orders, granted to User:order-service (rules %s)", rules).isNull();
            assertThat(describes(broker, "CN=acme,OU=partners,O=Kafka Lab", "partners.prices")).as("partner acme describing"
                    + " partners.prices, granted to User:partner-acme (rules %s)", rules).isNull();
            assertThat(describes(broker, "CN=order-service,OU=partners,O=Kafka Lab", "shop.orders")).as("a partner's certificate"
                    + " for 'order-service' describing shop.orders: it must not pass for the shop's service (rules %s)", rules)
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    private static AclBinding describe(String principal, String topic) {
        return new AclBinding(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
                new AccessControlEntry(principal, "*", AclOperation.DESCRIBE, AclPermissionType.ALLOW));
    }

    /** What describing {@code topic} with a certificate for {@code subject} throws (its cause); null when allowed. */
    private static Throwable describes(SecuredCluster broker, String subject, String topic) {
        var keys = broker.ca().issue(subject.replaceAll("[^A-Za-z]+", "-"), subject, Validity.days(1));
        var config = new HashMap<String, Object>(broker.ca().truststore().asTruststore());
        config.putAll(keys.asKeystore());
        config.put("security.protocol", "SSL");
        var refused = catchThrowable(() -> {
            try (var admin = Admin.create(Clients.at(broker.bootstrap(Listener.MTLS), config))) {
                admin.describeTopics(List.of(topic)).allTopicNames().get();
            }
        });
        return refused == null ? null : refused.getCause() != null ? refused.getCause() : refused;
    }
}
