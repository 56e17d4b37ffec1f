package lab.week08;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lab.kit.junit.KafkaLab;
import lab.kit.security.CertificateAuthority.Validity;
import lab.kit.security.SecuredCluster.Listener;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Every service of the shop, and one the shop does not know, tries every kind of access on a real broker
 * with the ACLs under test, each with its own certificate on the mTLS listener: what it was allowed, what
 * it was refused and with which error. A refusal is Kafka's own AuthorizationException; anything else (a
 * timeout) is reported as such, never counted as a refusal.
 */
final class AclMatrix {

    /** A service the shop does not know, with a certificate from the shop's CA all the same. */
    static final String STRANGER = "pricing-service";
    /** A shop topic that is not in the table: analytics must read it too ("tomorrow's topic"). */
    static final String NEW_TOPIC = Shop.PREFIX + "returns";

    enum Action { WRITE, READ, READ_IN_ANOTHER_GROUP, CREATE_TOPIC, DESCRIBE_CONFIGS, ALTER_CONFIGS, TRANSACTION }

    record Outcome(String service, Action action, String resource, boolean expected, boolean allowed, String error) {
        boolean asExpected() {
            return expected == allowed && (allowed || error.contains("AuthorizationException"));
        }

        @Override
        public String toString() {
            return String.format("%-21s %-22s %-26s expected %-7s got %s", service, action, resource,
                    expected ? "allowed" : "refused", allowed ? "allowed" : "refused (" + error + ")");
        }
    }

    private final KafkaLab kafka;

    AclMatrix(KafkaLab kafka) {
        this.kafka = kafka;
    }

    List<Outcome> run() {
        var outcomes = new ArrayList<Outcome>();
        var services = new ArrayList<>(Shop.SERVICES);
        services.add(STRANGER);
        for (var service : services) {
            var tls = mtls(service);
            for (var topic : topics()) {
                outcomes.add(check(service, Action.WRITE, topic, () -> write(tls, topic)));
                outcomes.add(check(service, Action.READ, topic, () -> commit(tls, service, topic)));
            }
            var otherGroup = service.equals(Shop.ANALYTICS_SERVICE) ? Shop.NOTIFICATION_SERVICE : Shop.ANALYTICS_SERVICE;
            outcomes.add(check(service, Action.READ_IN_ANOTHER_GROUP, otherGroup, () -> commit(tls, otherGroup, Shop.ORDERS)));
            var created = Shop.PREFIX + "created-by-" + service;
            outcomes.add(check(service, Action.CREATE_TOPIC, created, () -> create(tls, created)));
            outcomes.add(check(service, Action.DESCRIBE_CONFIGS, Shop.ORDERS, () -> describeConfigs(tls, Shop.ORDERS)));
            outcomes.add(check(service, Action.ALTER_CONFIGS, Shop.ORDERS, () -> alterConfigs(tls, Shop.ORDERS)));
            var transactionalId = service + "-7";
            outcomes.add(check(service, Action.TRANSACTION, transactionalId, () -> transaction(tls, transactionalId)));
        }
        outcomes.add(check(Shop.PAYMENT_SERVICE, Action.TRANSACTION, "checkout-7", () -> transaction(mtls(Shop.PAYMENT_SERVICE), "checkout-7")));
        return outcomes;
    }

    static List<String> topics() {
        var topics = new ArrayList<>(Shop.TOPICS);
        topics.add(NEW_TOPIC);
        return topics;
    }

    /** The shop's table, as the exercise's javadoc states it. */
    static boolean expected(String service, Action action, String resource) {
        return switch (action) {
            case WRITE -> Map.of(Shop.ORDER_SERVICE, Shop.ORDERS, Shop.INVENTORY_SERVICE, Shop.INVENTORY,
                    Shop.PAYMENT_SERVICE, Shop.PAYMENTS).getOrDefault(service, "").equals(resource);
            case READ -> switch (service) {
                case Shop.ORDER_SERVICE -> resource.equals(Shop.PAYMENTS);
                case Shop.INVENTORY_SERVICE, Shop.PAYMENT_SERVICE -> resource.equals(Shop.ORDERS);
                case Shop.NOTIFICATION_SERVICE -> resource.equals(Shop.ORDERS) || resource.equals(Shop.PAYMENTS);
                case Shop.ANALYTICS_SERVICE -> resource.startsWith(Shop.PREFIX);
                default -> false;
            };
            case READ_IN_ANOTHER_GROUP -> false;
            case CREATE_TOPIC, DESCRIBE_CONFIGS, ALTER_CONFIGS -> service.equals(Shop.SHOP_ADMIN);
            case TRANSACTION -> service.equals(Shop.PAYMENT_SERVICE) && resource.startsWith(Shop.PAYMENT_TRANSACTIONS);
        };
    }

    private interface Access {
        void run() throws Exception;
    }

    private static Outcome check(String service, Action action, String resource, Access access) {
        var expected = expected(service, action, resource);
        try {
            access.run();
            return new Outcome(service, action, resource, expected, true, "");
        } catch (Exception e) {
            var cause = rootAuthorization(e);
            return new Outcome(service, action, resource, expected, false,
                    cause.getClass().getSimpleName() + (cause instanceof AuthorizationException ? "" : ": " + cause.getMessage()));
        }
    }

    private static Throwable rootAuthorization(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthorizationException) {
                return cause;
            }
        }
        return failure.getCause() != null ? failure.getCause() : failure;
    }

    private Map<String, Object> mtls(String service) {
        var security = kafka.security();
        var keys = security.ca().issue(service, "CN=" + service + ",OU=shop,O=Kafka Lab", Validity.days(1));
        var config = new HashMap<String, Object>(security.ca().truststore().asTruststore());
        config.putAll(keys.asKeystore());
        config.put("security.protocol", "SSL");
        config.put("bootstrap.servers", security.bootstrap(Listener.MTLS));
        return config;
    }

    private static void write(Map<String, Object> tls, String topic) throws Exception {
        var config = new HashMap<>(tls);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false); // WRITE alone; transactions are their own check
        config.put(ProducerConfig.ACKS_CONFIG, "1");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "v")).get();
        }
    }

    /** An offset commit in {@code group} for the topic's partition: it needs READ on the group and on the topic. */
    private static void commit(Map<String, Object> tls, String group, String topic) {
        var config = new HashMap<>(tls);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            var partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(0)), Duration.ofSeconds(5));
        }
    }

    private static void create(Map<String, Object> tls, String topic) throws Exception {
        try (var admin = Admin.create(tls)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    private static void describeConfigs(Map<String, Object> tls, String topic) throws Exception {
        try (var admin = Admin.create(tls)) {
            admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, topic))).all().get();
        }
    }

    /** Sets shop.orders' retention to the week it already keeps: a change in form, refused or allowed all the same. */
    private static void alterConfigs(Map<String, Object> tls, String topic) throws Exception {
        try (var admin = Admin.create(tls)) {
            var week = new org.apache.kafka.clients.admin.ConfigEntry("retention.ms", Long.toString(Duration.ofDays(7).toMillis()));
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic),
                    List.of(new org.apache.kafka.clients.admin.AlterConfigOp(week, org.apache.kafka.clients.admin.AlterConfigOp.OpType.SET))))
                    .all().get();
        }
    }

    private static void transaction(Map<String, Object> tls, String transactionalId) {
        var config = new HashMap<>(tls);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
        }
    }
}
