package lab.week08;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import lab.kit.broker.EmbeddedCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.server.policy.CreateTopicPolicy.RequestMetadata;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The learner's create-topic policy, asked directly about topics that keep and break each of the shop's
 * rules, then loaded by a real broker ({@code create.topic.policy.class.name}) that must refuse what it
 * refuses, with its message.
 */
@Tag("ex8.7")
@DisplayName("8.7 A create-topic policy the broker enforces")
class ShopTopicPolicyTest {

    private static final String WEEK = Long.toString(Duration.ofDays(7).toMillis());
    private static final Map<String, String> KEEPS_A_WEEK = Map.of(TopicConfig.RETENTION_MS_CONFIG, WEEK);

    @Nested
    @DisplayName("the rules")
    class Rules {

        @Test
        @DisplayName("topics that keep every rule are accepted, counts or an explicit assignment alike")
        void keepsTheRules() {
            var policy = policy(Map.of());

            for (var request : List.of(request("shop.orders", 6, 3, KEEPS_A_WEEK), request("shop.orders-eu.v2", 60, 3, KEEPS_A_WEEK),
                    request("shop.customers", 3, 3, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                    new RequestMetadata("shop.audit", null, null, Map.of(0, List.of(0, 1, 2), 1, List.of(1, 2, 0)), KEEPS_A_WEEK))) {
                assertThatCode(() -> policy.validate(request)).as("validate() of %s", request).doesNotThrowAnyException();
            }
        }

        @Test
        @DisplayName("a name that is not shop.<lower-case words> is refused, and the message names it")
        void names() {
            var policy = policy(Map.of());

            for (var name : List.of("orders", "Shop.orders", "shop.Orders", "shop..orders", "shop.orders_eu", "shop.", "shop.orders.")) {
                assertRefused(policy, request(name, 6, 3, KEEPS_A_WEEK), "'" + name + "'");
            }
        }

        @Test
        @DisplayName("more than 60 partitions is refused")
        void partitions() {
            assertRefused(policy(Map.of()), request("shop.clicks", 61, 3, KEEPS_A_WEEK), "61");
        }

        @Test
        @DisplayName("fewer replicas than the broker's shop.policy.min.replication.factor (3 when unset) is refused")
        void replication() {
            var byDefault = policy(Map.of());
            var relaxed = policy(Map.of("shop.policy.min.replication.factor", "2"));

            assertRefused(byDefault, request("shop.orders", 6, 2, KEEPS_A_WEEK), "2");
            assertThatCode(() -> relaxed.validate(request("shop.orders", 6, 2, KEEPS_A_WEEK)))
                    .as("validate() of replication factor 2, the broker's shop.policy.min.replication.factor being 2")
                    .doesNotThrowAnyException();
            assertRefused(relaxed, request("shop.orders", 6, 1, KEEPS_A_WEEK), "1");
            assertRefused(byDefault, new RequestMetadata("shop.audit", null, null, Map.of(0, List.of(0, 1, 2), 1, List.of(1, 2)),
                    KEEPS_A_WEEK), "2");
        }

        @Test
        @DisplayName("a deleting topic must set retention.ms, from 1 hour to 30 days; -1 is for compacted topics only")
        void retention() {
            var policy = policy(Map.of());
            var thirtyMinutes = Long.toString(Duration.ofMinutes(30).toMillis());
            var thirtyOneDays = Long.toString(Duration.ofDays(31).toMillis());

            assertRefused(policy, request("shop.orders", 6, 3, Map.of()), "retention.ms");
            assertRefused(policy, request("shop.orders", 6, 3, Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")), "-1");
            assertRefused(policy, request("shop.orders", 6, 3, Map.of(TopicConfig.RETENTION_MS_CONFIG, thirtyMinutes)), thirtyMinutes);
            assertRefused(policy, request("shop.orders", 6, 3, Map.of(TopicConfig.RETENTION_MS_CONFIG, thirtyOneDays)), thirtyOneDays);
            assertRefused(policy, request("shop.orders", 6, 3, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "compact,delete")),
                    "retention.ms");
            assertThatCode(() -> policy.validate(request("shop.customers", 3, 3, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                    TopicConfig.CLEANUP_POLICY_COMPACT, TopicConfig.RETENTION_MS_CONFIG, "-1"))))
                    .as("validate() of a compacted topic that keeps its latest values forever").doesNotThrowAnyException();
        }
    }

    @Test
    @DisplayName("a broker that loads the policy creates what it accepts and refuses the rest with its message")
    void brokerEnforcesIt() throws Exception {
        policy(Map.of()).validate(request("shop.orders", 6, 3, KEEPS_A_WEEK)); // your policy first: a stub stops here
        try (var broker = EmbeddedCluster.start(1, Map.of("create.topic.policy.class.name", ShopTopicPolicy.class.getName(),
                "shop.policy.min.replication.factor", "1"));
             var admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("shop.orders", 6, (short) 1).configs(KEEPS_A_WEEK))).all().get();

            var badName = catchThrowable(() -> admin.createTopics(List.of(new NewTopic("Orders", 6, (short) 1).configs(KEEPS_A_WEEK)))
                    .all().get());
            var noRetention = catchThrowable(() -> admin.createTopics(List.of(new NewTopic("shop.audit", 1, (short) 1))).all().get());

            assertThat(badName).as("creating 'Orders' on the broker").isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(PolicyViolationException.class).hasMessageContaining("Orders");
            assertThat(noRetention).as("creating shop.audit without retention.ms on the broker").isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(PolicyViolationException.class).hasMessageContaining("retention.ms");
            assertThat(admin.listTopics().names().get()).as("topics on the broker").contains("shop.orders")
                    .doesNotContain("Orders", "shop.audit");
        }
    }

    private static ShopTopicPolicy policy(Map<String, ?> brokerConfig) {
        var policy = new ShopTopicPolicy();
        policy.configure(brokerConfig);
        return policy;
    }

    private static RequestMetadata request(String topic, int partitions, int replicationFactor, Map<String, String> configs) {
        return new RequestMetadata(topic, partitions, (short) replicationFactor, null, configs);
    }

    private static void assertRefused(ShopTopicPolicy policy, RequestMetadata request, String named) {
        var refused = catchThrowable(() -> policy.validate(request));

        assertThat(refused).as("validate() of %s: it breaks a rule", request).isInstanceOf(PolicyViolationException.class);
        assertThat(refused.getMessage()).as("the refusal of %s: the person creating the topic reads it, so it names what"
                + " is wrong (%s)", request, named).contains(named);
    }
}
