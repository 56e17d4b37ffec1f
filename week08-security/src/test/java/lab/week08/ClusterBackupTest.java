package lab.week08;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.WithKafka;
import lab.kit.security.SecuredCluster;
import lab.kit.security.SecuredCluster.Listener;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The learner's backup of what is not data. The test makes a small shop on the week's secured broker (three
 * topics with configs of their own, two SCRAM users, their literal and prefixed ACLs, and a consumer group, so
 * that an internal topic exists as on any cluster in use), exports it, writes the backup file
 * ({@code target/<track>/reports/cluster-backup.json}, to read), and restores the file into a fresh broker:
 * there the users must log in with the vault's passwords and be allowed what their ACLs allow, and no more.
 *
 * <p>The week's broker is shared by this JVM's test classes, and their topics, ACLs and users stay on it. So
 * export() is judged on what this class made (its topics' prefix, its users) and on what no backup may hold
 * (internal topics, defaults, passwords); and restore() is given this class's part of the backup only, because
 * the vault here keeps this class's passwords only. The fresh broker holds nothing else and is judged whole.
 */
@WithKafka(secured = true)
@Tag("ex8.13")
@DisplayName("8.13 A backup of what is not data, restored into a fresh cluster")
@TestClassOrder(ClassOrderer.OrderAnnotation.class) // export first, as a learner reads it; each part also runs alone
class ClusterBackupTest {

    /** Where the backup is written, beside the week's other reports, for a learner to read. */
    static final Path FILE = Path.of(System.getProperty("lab.log.dir", "target"), "reports", "cluster-backup.json");
    /** How long the broker may take to apply what an Admin call committed (ACLs, users) before a check gives up. */
    static final Duration SETTLE = Duration.ofSeconds(5);

    /** What this class makes on the week's broker, and the passwords its vault keeps. */
    record Source(String prefix, List<ClusterMetadata.Topic> topics, List<AclBinding> acls, List<ClusterMetadata.User> users,
                  Map<String, String> passwords) {

        String topic(String name) {
            return prefix + name;
        }

        String user(String service) {
            return users.stream().map(ClusterMetadata.User::name).filter(name -> name.startsWith(service)).findFirst().orElseThrow();
        }

        PasswordVault vault() {
            return user -> {
                var password = passwords.get(user);
                if (password == null) {
                    throw new IllegalArgumentException("The vault keeps no password for " + user);
                }
                return password;
            };
        }

        /** This class's part of a backup: its topics, its users and their ACLs. */
        ClusterMetadata ours(ClusterMetadata backup) {
            return new ClusterMetadata(backup.topics().stream().filter(topic -> topic.name().startsWith(prefix)).toList(),
                    backup.acls().stream().filter(acl -> passwords.containsKey(userOf(acl))).toList(),
                    backup.users().stream().filter(user -> passwords.containsKey(user.name())).toList());
        }
    }

    /** A cluster's metadata as the test reads it, for comparing: sets, so that order does not matter. */
    record State(Set<ClusterMetadata.Topic> topics, Set<AclBinding> acls, Set<ClusterMetadata.User> users) {
    }

    /** The brokers' dynamic defaults for every broker: where a cluster-wide topic default is set. */
    private static final ConfigResource CLUSTER_DEFAULTS = new ConfigResource(ConfigResource.Type.BROKER, "");
    private static final String FLUSH_DEFAULT = "log.flush.interval.messages";
    private static String sourceBootstrap;
    private static Source source;
    private static ClusterMetadata exported;
    private static SecuredCluster target;
    private static Admin targetAdmin;
    private static boolean restored;

    @Nested
    @Order(1)
    @DisplayName("export()")
    class Export {

        @Test
        @DisplayName("lists each topic with its partitions, its replication factor and only the configs set on it")
        void topicsAsMade(KafkaLab kafka) {
            var source = source(kafka);

            var topics = exported(kafka).topics().stream().filter(topic -> topic.name().startsWith(source.prefix())).toList();

            assertThat(differences(source.topics(), topics)).as("export()'s topics named %s*, against how the test made them."
                    + " A config not set on the topic is the brokers' default (Kafka's own, or one an operator set for the"
                    + " cluster, as flush.messages is here): keep only entries whose ConfigEntry#source() is"
                    + " DYNAMIC_TOPIC_CONFIG, or the restore pins today's defaults on the new cluster for ever",
                    source.prefix()).isEmpty();
        }

        @Test
        @DisplayName("leaves out the internal topics")
        void noInternalTopics(KafkaLab kafka) {
            var topics = exported(kafka).topics().stream().map(ClusterMetadata.Topic::name).toList();

            assertThat(topics).as("internal topics in export(): __consumer_offsets and __transaction_state belong to the"
                    + " cluster that runs them; a fresh cluster makes its own. listTopics() leaves them out unless asked")
                    .noneMatch(name -> name.startsWith("__"));
        }

        @Test
        @DisplayName("lists every ACL binding, prefixed as well as literal")
        void aclsLiteralAndPrefixed(KafkaLab kafka) {
            var source = source(kafka);

            var acls = exported(kafka).acls().stream().filter(acl -> source.passwords().containsKey(userOf(acl))).toList();

            assertThat(acls).as("export()'s ACL bindings for %s: a filter for LITERAL patterns misses every PREFIXED one"
                    + " (AclBindingFilter.ANY matches both)", source.passwords().keySet())
                    .containsExactlyInAnyOrderElementsOf(source.acls());
        }

        @Test
        @DisplayName("the backup file names each SCRAM user with its mechanism and iterations, and holds no password")
        void usersWithoutPasswords(KafkaLab kafka) throws IOException {
            var source = source(kafka);
            var users = exported(kafka).users().stream().filter(user -> source.passwords().containsKey(user.name())).toList();

            var text = Files.readString(FILE);

            assertThat(users).as("export()'s SCRAM users made by the test: each with the mechanism and iterations"
                    + " describeUserScramCredentials() gives").containsExactlyInAnyOrderElementsOf(source.users());
            source.passwords().forEach((user, password) -> assertThat(text).as("the backup file %s must not hold %s's"
                    + " password: a backup is copied and kept where secrets are not", FILE.toAbsolutePath(), user)
                    .doesNotContain(password));
        }
    }

    @Nested
    @Order(2)
    @DisplayName("restore() into a fresh cluster")
    class Restore {

        @Test
        @DisplayName("makes each topic with the same partitions, replication factor and configs")
        void topicsAsTheyWere(KafkaLab kafka) {
            var source = restored(kafka);

            var topics = state(targetAdmin).topics();

            assertThat(differences(source.topics(), List.copyOf(topics))).as("the fresh cluster's topics after restore(),"
                    + " against the source's: NewTopic(name, partitions, replicationFactor).configs(the configs set on it)")
                    .isEmpty();
        }

        @Test
        @DisplayName("makes the same ACL bindings")
        void aclsAsTheyWere(KafkaLab kafka) {
            var source = restored(kafka);

            var acls = settle(() -> state(targetAdmin).acls(), found -> found.equals(Set.copyOf(source.acls())));

            assertThat(acls).as("the fresh cluster's ACL bindings after restore(): createAcls() with the backup's bindings")
                    .containsExactlyInAnyOrderElementsOf(source.acls());
        }

        @Test
        @DisplayName("makes each SCRAM user with the same mechanism and iterations")
        void usersAsTheyWere(KafkaLab kafka) {
            var source = restored(kafka);

            var users = settle(() -> state(targetAdmin).users(), found -> found.equals(Set.copyOf(source.users())));

            assertThat(users).as("the fresh cluster's SCRAM users after restore(): one upsertion per user, with the backup's"
                    + " mechanism and iterations and the vault's password").containsExactlyInAnyOrderElementsOf(source.users());
        }

        @Test
        @DisplayName("each user logs in with the vault's password, and may do what its ACLs allow and no more")
        void usersLogInAndAreAllowedWhatTheyWere(KafkaLab kafka) {
            var source = restored(kafka);
            var payment = source.user(Shop.PAYMENT_SERVICE);
            var analytics = source.user(Shop.ANALYTICS_SERVICE);

            for (var user : List.of(payment, analytics)) {
                var outcome = Clients.awaitOutcome(login(source, user), Objects::isNull);
                assertThat(outcome).as("logging in as %s on the fresh cluster's SASL_SSL listener with the vault's password:"
                        + " the user must be made with that password (the backup holds none)%s", user,
                        outcome == null ? "" : Clients.chain(outcome)).isNull();
            }
            var payments = source.topic("payments");
            var orders = source.topic("orders");
            var customers = source.topic("customers");
            assertThat(failureOf(() -> write(login(source, payment), payments))).as("%s writing %s: allowed by a LITERAL"
                    + " ACL", payment, payments).isNull();
            assertThat(failureOf(() -> write(login(source, payment), orders))).as("%s writing %s: it may only read it",
                    payment, orders).isInstanceOf(AuthorizationException.class);
            assertThat(failureOf(() -> commit(login(source, analytics), analytics, customers))).as("%s reading %s in its"
                    + " group: allowed by a PREFIXED ACL on %s", analytics, customers, source.prefix()).isNull();
            assertThat(failureOf(() -> write(login(source, analytics), customers))).as("%s writing %s: it only reads",
                    analytics, customers).isInstanceOf(AuthorizationException.class);
        }

        @Test
        @DisplayName("a topic the fresh cluster cannot make is reported, not skipped")
        void topicThatCannotBeMade(KafkaLab kafka) {
            var source = restored(kafka);
            var tooMany = new ClusterMetadata.Topic(source.topic("audit"), 1, (short) 3, Map.of());
            var backup = new ClusterMetadata(List.of(tooMany), List.of(), List.of());

            var failure = catchThrowable(() -> ClusterBackup.restore(backup, targetAdmin, source.vault()));

            assertThat(failure).as("restore() of a backup with %s at replication factor 3, into a cluster of one broker: it"
                    + " cannot be made, and restore() must say so, naming it. Only TopicExistsException means done; a"
                    + " restore that ends without an error and a topic missing is found out on the day it is needed",
                    tooMany.name()).isNotNull();
            assertThat(Clients.chain(failure)).as("what restore() threw for %s", tooMany.name()).contains(tooMany.name());
        }

        @Test
        @DisplayName("run a second time, succeeds and changes nothing")
        void rerunChangesNothing(KafkaLab kafka) {
            var source = restored(kafka);
            var before = settle(() -> state(targetAdmin), found -> found.acls().size() == source.acls().size());

            var failure = catchThrowable(() -> ClusterBackup.restore(source.ours(BackupFile.read(FILE)), targetAdmin, source.vault()));

            assertThat(failure).as("restore() run a second time on the same cluster: a rerun after a failure halfway must"
                    + " finish the job, so a topic, ACL or user that exists already is not an error (a TopicExistsException"
                    + " is yours to handle)%s", failure == null ? "" : Clients.chain(failure)).isNull();
            assertThat(state(targetAdmin)).as("the fresh cluster after a second restore(), against after the first").isEqualTo(before);
        }
    }

    @AfterAll
    static void closeTarget() {
        if (sourceBootstrap != null) {
            try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, sourceBootstrap))) {
                await(admin.incrementalAlterConfigs(Map.of(CLUSTER_DEFAULTS, List.of(new AlterConfigOp(
                        new ConfigEntry(FLUSH_DEFAULT, ""), AlterConfigOp.OpType.DELETE)))).all(), "remove the cluster-wide default");
            }
        }
        if (targetAdmin != null) {
            targetAdmin.close();
        }
        if (target != null) {
            target.close();
        }
    }

    /** Makes this class's shop on the week's broker, once. */
    private static synchronized Source source(KafkaLab kafka) {
        if (source == null) {
            var prefix = kafka.uniqueName("shop") + "."; // shop-<run>-<n>.: this class's, whatever else the broker holds
            var payment = kafka.uniqueName(Shop.PAYMENT_SERVICE);
            var analytics = kafka.uniqueName(Shop.ANALYTICS_SERVICE);
            var topics = List.of(
                    new ClusterMetadata.Topic(prefix + "orders", 3, (short) 1, Map.of(TopicConfig.RETENTION_MS_CONFIG,
                            Long.toString(Duration.ofDays(3).toMillis()), TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1")),
                    new ClusterMetadata.Topic(prefix + "payments", 2, (short) 1, Map.of(TopicConfig.RETENTION_MS_CONFIG,
                            Long.toString(Duration.ofDays(30).toMillis()), TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "2097152")),
                    new ClusterMetadata.Topic(prefix + "customers", 1, (short) 1,
                            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
            var acls = List.of(
                    allow(payment, AclOperation.WRITE, ResourceType.TOPIC, prefix + "payments", PatternType.LITERAL),
                    allow(payment, AclOperation.READ, ResourceType.TOPIC, prefix + "orders", PatternType.LITERAL),
                    allow(payment, AclOperation.READ, ResourceType.GROUP, payment, PatternType.LITERAL),
                    allow(analytics, AclOperation.READ, ResourceType.TOPIC, prefix, PatternType.PREFIXED),
                    allow(analytics, AclOperation.READ, ResourceType.GROUP, analytics, PatternType.LITERAL));
            // Analytics also has a SCRAM-SHA-256 credential (for an old client): a user may have one per mechanism.
            var users = List.of(new ClusterMetadata.User(payment, ScramMechanism.SCRAM_SHA_512, 8192),
                    new ClusterMetadata.User(analytics, ScramMechanism.SCRAM_SHA_512, 4096),
                    new ClusterMetadata.User(analytics, ScramMechanism.SCRAM_SHA_256, 4096));
            var passwords = Map.of(payment, "pay-" + UUID.randomUUID(), analytics, "ana-" + UUID.randomUUID());
            var made = new Source(prefix, topics, acls, users, passwords);
            make(kafka, made);
            source = made;
        }
        return source;
    }

    private static void make(KafkaLab kafka, Source source) {
        var admin = kafka.admin();
        await(admin.createTopics(source.topics().stream().map(topic -> new NewTopic(topic.name(), topic.partitions(),
                topic.replicationFactor()).configs(topic.configs())).toList()).all(), "create the shop's topics");
        source.topics().forEach(topic -> kafka.awaitTopicReady(topic.name()));
        await(admin.createAcls(source.acls()).all(), "create the shop's ACLs");
        // One request per credential: Kafka refuses two alterations of one user in one request.
        for (var user : source.users()) {
            await(admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user.name(),
                    new ScramCredentialInfo(user.mechanism(), user.iterations()), source.passwords().get(user.name())))).all(),
                    "create the shop's users");
        }
        // A group's offsets: __consumer_offsets exists on every cluster in use, and must not be in a backup.
        await(admin.alterConsumerGroupOffsets(kafka.uniqueName("backup-reader"),
                Map.of(new TopicPartition(source.topic("customers"), 0), new OffsetAndMetadata(0))).all(), "commit an offset");
        // A topic default set for the whole cluster (Kafka's own value, so nothing changes for other classes): the
        // topics' flush.messages then comes from the brokers' dynamic defaults, not from the topic, and is no more
        // the topic's than an untouched default is.
        sourceBootstrap = kafka.bootstrapServers();
        await(admin.incrementalAlterConfigs(Map.of(CLUSTER_DEFAULTS, List.of(new AlterConfigOp(
                new ConfigEntry(FLUSH_DEFAULT, Long.toString(Long.MAX_VALUE)), AlterConfigOp.OpType.SET)))).all(),
                "set a cluster-wide topic default");
        var orders = new ConfigResource(ConfigResource.Type.TOPIC, source.topic("orders"));
        LabAwait.until("the week's broker to apply the cluster-wide default").ignoreExceptions().until(() ->
                admin.describeConfigs(List.of(orders)).all().get().get(orders).get(TopicConfig.FLUSH_MESSAGES_INTERVAL_CONFIG)
                        .source() == ConfigEntry.ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG);
        LabAwait.until("the week's broker to hold the shop's ACLs and users").ignoreExceptions().until(() ->
                admin.describeAcls(AclBindingFilter.ANY).values().get().containsAll(source.acls())
                        && admin.describeUserScramCredentials(List.copyOf(source.passwords().keySet())).all().get().size() == 2);
    }

    /** The learner's export of the week's broker, once, written to the backup file. */
    private static synchronized ClusterMetadata exported(KafkaLab kafka) {
        source(kafka);
        if (exported == null) {
            var metadata = ClusterBackup.export(kafka.admin());
            BackupFile.write(metadata, FILE);
            System.out.println("[lab] 8.13 the backup: " + FILE.toAbsolutePath());
            exported = metadata;
        }
        return exported;
    }

    /** The backup file, this class's part of it, restored into a fresh broker, once. */
    private static synchronized Source restored(KafkaLab kafka) {
        exported(kafka);
        if (!restored) {
            if (target == null) {
                target = SecuredCluster.start();
                targetAdmin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers()));
            }
            ClusterBackup.restore(source.ours(BackupFile.read(FILE)), targetAdmin, source.vault());
            restored = true;
        }
        return source;
    }

    /** A cluster's topics (internal ones excepted, with the configs set on them), ACLs and SCRAM users, as Kafka describes them. */
    static State state(Admin admin) {
        var names = await(admin.listTopics().names(), "list the topics");
        var partitions = await(admin.describeTopics(names).allTopicNames(), "describe the topics");
        var configs = await(admin.describeConfigs(names.stream().map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
                .toList()).all(), "describe the topics' configs");
        var topics = new HashSet<ClusterMetadata.Topic>();
        for (var name : names) {
            var set = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name)).entries().stream()
                    .filter(entry -> entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG)
                    .collect(Collectors.toMap(ConfigEntry::name, ConfigEntry::value));
            var described = partitions.get(name).partitions();
            topics.add(new ClusterMetadata.Topic(name, described.size(), (short) described.get(0).replicas().size(), set));
        }
        var acls = Set.copyOf(await(admin.describeAcls(AclBindingFilter.ANY).values(), "describe the ACLs"));
        var users = await(admin.describeUserScramCredentials().all(), "describe the SCRAM users").values().stream()
                .flatMap(user -> user.credentialInfos().stream()
                        .map(info -> new ClusterMetadata.User(user.name(), info.mechanism(), info.iterations())))
                .collect(Collectors.toSet());
        return new State(topics, acls, users);
    }

    /** What differs between the topics made and those found, a line each: empty when they agree. */
    static List<String> differences(List<ClusterMetadata.Topic> made, List<ClusterMetadata.Topic> found) {
        var lines = new ArrayList<String>();
        var byName = found.stream().collect(Collectors.toMap(ClusterMetadata.Topic::name, topic -> topic, (a, b) -> a));
        for (var topic : made) {
            var other = byName.remove(topic.name());
            if (other == null) {
                lines.add(topic.name() + ": missing");
                continue;
            }
            if (other.partitions() != topic.partitions() || other.replicationFactor() != topic.replicationFactor()) {
                lines.add(String.format("%s: %d partitions and RF %d, made with %d and %d", topic.name(), other.partitions(),
                        other.replicationFactor(), topic.partitions(), topic.replicationFactor()));
            }
            var notSet = new TreeMap<>(other.configs());
            notSet.keySet().removeAll(topic.configs().keySet());
            if (!notSet.isEmpty()) {
                lines.add(topic.name() + ": configs not set on the topic: " + notSet);
            }
            var lost = new TreeMap<>(topic.configs());
            lost.entrySet().removeIf(entry -> entry.getValue().equals(other.configs().get(entry.getKey())));
            if (!lost.isEmpty()) {
                lines.add(topic.name() + ": configs set on the topic, missing or changed: " + lost);
            }
        }
        byName.keySet().forEach(name -> lines.add(name + ": a topic the source does not have"));
        return lines;
    }

    private static AclBinding allow(String user, AclOperation operation, ResourceType type, String name, PatternType pattern) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }

    /** The user an ACL binding is for: {@code User:payment-service-...} is {@code payment-service-...}. */
    static String userOf(AclBinding acl) {
        return acl.entry().principal().substring(acl.entry().principal().indexOf(':') + 1);
    }

    /** Settings to log in as {@code user} with the vault's password on the fresh cluster's SASL_SSL listener. */
    private static Map<String, Object> login(Source source, String user) {
        var settings = new HashMap<String, Object>(target.ca().truststore().asTruststore());
        settings.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
        settings.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        settings.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + user + "\" password=\"" + source.vault().passwordOf(user) + "\";");
        return Clients.at(target.bootstrap(Listener.SASL_SSL), settings);
    }

    private interface Access {
        void run() throws Exception;
    }

    /** What an access threw, unwrapped to Kafka's own exception; null if it succeeded. */
    private static Throwable failureOf(Access access) {
        try {
            access.run();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
    }

    private static void write(Map<String, Object> login, String topic) throws Exception {
        var config = new HashMap<>(login);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false); // WRITE alone is what the ACL grants
        config.put(ProducerConfig.ACKS_CONFIG, "1");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "v")).get(10, TimeUnit.SECONDS);
        }
    }

    /** An offset commit in {@code group}: it needs READ on the group and on the topic. */
    private static void commit(Map<String, Object> login, String group, String topic) {
        var config = new HashMap<>(login);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000); // the fresh cluster makes __consumer_offsets first
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            var partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(0)), Duration.ofSeconds(10));
        }
    }

    /** Reads until {@code expected} holds, for at most {@link #SETTLE}: the broker applies committed metadata a moment later. */
    private static <T> T settle(Supplier<T> read, Predicate<T> expected) {
        var deadline = System.nanoTime() + SETTLE.toNanos();
        var found = read.get();
        while (!expected.test(found) && System.nanoTime() < deadline) {
            try {
                TimeUnit.MILLISECONDS.sleep(100); // between two reads, not a wait for a result
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            found = read.get();
        }
        return found;
    }

    private static <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The test could not " + what + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to " + what, e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("No answer within 30 s when asked to " + what, e);
        }
    }
}
