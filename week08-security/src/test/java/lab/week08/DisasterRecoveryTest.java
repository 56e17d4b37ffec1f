package lab.week08;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import lab.kit.broker.EmbeddedCluster;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.mirror.Checkpoint;
import org.apache.kafka.connect.mirror.MirrorMaker;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A failover drill on two clusters of this test's own (one in-JVM broker each) and MirrorMaker 2 in this
 * JVM with the learner's settings. On the primary: shop.orders (3 partitions, a day's retention) gets 300
 * orders, ten at a time, mirrored as they arrive; the billing group keeps up and commits, until the last
 * 30 arrive. During the day the shop makes shop.payments, which must be copied too; the operators' audit.log
 * and their dashboard group must not. MirrorMaker checkpoints billing; then the data centre is lost
 * (MirrorMaker and the primary stop), and billing resumes on the backup from the learner's translated
 * offsets. Every order must be billed, and no more than {@link DisasterRecovery#MAX_REREAD_PER_PARTITION}
 * per partition read twice.
 */
@Tag("ex8.12")
@DisplayName("8.12 Disaster recovery: MirrorMaker 2 and a failover drill")
class DisasterRecoveryTest {

    private static final String TOPIC = "shop.orders";
    private static final String GROUP = "shop-billing";
    /** A topic made during the day, after the mirror started. */
    private static final String PAYMENTS = "shop.payments";
    /** A topic and a group that are not the shop's: the mirror leaves them alone. */
    private static final String AUDIT_LOG = "audit.log";
    private static final String OPS_GROUP = "ops-dashboard";
    private static final int PARTITIONS = 3;
    private static final int ORDERS = 300;
    /** The orders that arrived after billing's last commit: about 10 a partition. */
    private static final int UNBILLED = 30;
    /** The orders of the first minutes, before the mirror has checkpointed billing once. */
    private static final int OPENING = 30;
    private static final Duration MIRRORING = Duration.ofSeconds(30);
    private static final String RETENTION_MS = Long.toString(Duration.ofDays(1).toMillis());

    @Test
    @DisplayName("the primary's topic has the primary's alias as a prefix on the backup")
    void remoteTopicName() {
        assertThat(DisasterRecovery.topicOnBackup(TOPIC)).as("topicOnBackup(\"%s\"): MirrorMaker's default replication"
                + " policy names a copied topic <source alias>.<topic>, so that copies from several clusters never mix", TOPIC)
                .isEqualTo(DisasterRecovery.PRIMARY + "." + TOPIC);
    }

    @Test
    @DisplayName("the primary is lost: billing resumes on the backup, no order lost, few read twice")
    void failoverDrill() throws Exception {
        var backupTopic = DisasterRecovery.topicOnBackup(TOPIC);
        try (var primary = EmbeddedCluster.start(1, Map.of()); var backup = EmbeddedCluster.start(1, Map.of())) {
            var settings = new HashMap<>(DisasterRecovery.mirrorSettings(primary.bootstrapServers(), backup.bootstrapServers()));
            createOrdersTopic(primary);
            createAuditLog(primary);
            var mirrorMaker = new MirrorMaker(withLabPlumbing(settings));
            Set<String> billedOnPrimary;
            Map<Integer, Long> committed;
            List<ConsumerRecord<String, String>> billedOnBackup;
            Map<TopicPartition, OffsetAndMetadata> resumeAt;
            try {
                mirrorMaker.start();
                billedOnPrimary = shopDayOnPrimary(primary, backup, settings);
                committed = committedOffsets(primary);
                try (var admin = Admin.create(client(backup))) {
                    await("all " + ORDERS + " orders copied to " + backupTopic + " on the backup", settings,
                            () -> recordsIn(admin, backupTopic) == ORDERS, () -> "records there: " + recordsIn(admin, backupTopic));
                    await("the topic's retention.ms copied to the backup", settings,
                            () -> RETENTION_MS.equals(config(admin, backupTopic, TopicConfig.RETENTION_MS_CONFIG)),
                            () -> "retention.ms there: " + config(admin, backupTopic, TopicConfig.RETENTION_MS_CONFIG));
                }
                awaitCheckpoint(backup, settings, committed);
                try (var admin = Admin.create(client(backup))) {
                    var payments = DisasterRecovery.topicOnBackup(PAYMENTS);
                    await("the payment in " + PAYMENTS + ", a topic made during the day, copied to " + payments, settings,
                            () -> recordsIn(admin, payments) == 1, () -> "records there: " + recordsIn(admin, payments));
                    var copied = admin.listTopics().names().get();
                    assertThat(copied).as("the topics on the backup, with your MirrorMaker settings %s: only the shop's"
                            + " are copied (the flow's topics), not %s", new TreeMap<>(settings), AUDIT_LOG)
                            .doesNotContain(DisasterRecovery.topicOnBackup(AUDIT_LOG));
                }
                assertThat(checkpointedGroups(backup)).as("the groups checkpointed on the backup, with your MirrorMaker"
                        + " settings %s: only the shop's (the flow's groups), not the operators' %s", new TreeMap<>(settings),
                        OPS_GROUP).doesNotContain(OPS_GROUP);
            } finally {
                // The disaster: the primary's data centre is gone, MirrorMaker with it.
                mirrorMaker.stop();
                primary.close();
            }
            resumeAt = DisasterRecovery.resumeOffsets(client(backup), GROUP);
            var backupPartitions = IntStream.range(0, PARTITIONS).mapToObj(p -> new TopicPartition(backupTopic, p))
                    .collect(Collectors.toSet());
            assertThat(resumeAt).as("resumeOffsets(backup, \"%s\"): where billing resumes on the backup, for each partition"
                    + " of %s (the primary's committed offsets were %s)", GROUP, backupTopic, committed)
                    .containsOnlyKeys(backupPartitions);
            billedOnBackup = billOnBackup(backup, resumeAt);

            var all = IntStream.range(0, ORDERS).mapToObj(i -> "o-" + i).collect(Collectors.toCollection(TreeSet::new));
            var lost = new TreeSet<>(all);
            lost.removeAll(billedOnPrimary);
            billedOnBackup.forEach(record -> lost.remove(record.key()));
            assertThat(lost).as("orders billed on neither cluster, resuming on the backup at %s (the primary had committed"
                    + " %s): a resume point past the committed offset loses orders", resumeAt, committed).isEmpty();
            var twice = billedOnBackup.stream().filter(record -> billedOnPrimary.contains(record.key()))
                    .collect(Collectors.groupingBy(ConsumerRecord::partition, TreeMap::new, Collectors.counting()));
            assertThat(twice).as("orders read on both clusters, per partition, resuming at %s after the primary had"
                    + " committed %s: at most %d a partition. A checkpoint translates to the last offset sync before the"
                    + " committed offset: how often does MirrorMaker write one (offset.lag.max)?", resumeAt, committed,
                    DisasterRecovery.MAX_REREAD_PER_PARTITION)
                    .allSatisfy((partition, count) -> assertThat(count).as("partition %d", partition)
                            .isLessThanOrEqualTo((long) DisasterRecovery.MAX_REREAD_PER_PARTITION));
        }
    }

    /** A topic and a group that are not the shop's, which the mirror must leave alone. */
    private static void createAuditLog(EmbeddedCluster primary) throws Exception {
        try (var admin = Admin.create(client(primary));
             var producer = new KafkaProducer<>(client(primary), new StringSerializer(), new StringSerializer())) {
            admin.createTopics(List.of(new NewTopic(AUDIT_LOG, 1, (short) 1))).all().get();
            producer.send(new ProducerRecord<>(AUDIT_LOG, "login", "admin")).get();
        }
    }

    private static void createOrdersTopic(EmbeddedCluster primary) throws Exception {
        try (var admin = Admin.create(client(primary))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1)
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, RETENTION_MS)))).all().get();
        }
    }

    /**
     * A shop day on the primary, mirrored as it happens: orders arrive ten at a time, billing keeps up and
     * commits after each poll, until it stops with the last {@link #UNBILLED} orders still to bill (the
     * disaster strikes before it gets to them). Returns the orders it billed.
     */
    private static Set<String> shopDayOnPrimary(EmbeddedCluster primary, EmbeddedCluster backup, Map<String, String> settings)
            throws Exception {
        var billed = new HashSet<String>();
        try (var producer = new KafkaProducer<>(client(primary), new StringSerializer(), new StringSerializer());
             var billing = new KafkaConsumer<>(consumerConfig(primary), new StringDeserializer(), new StringDeserializer())) {
            billing.subscribe(List.of(TOPIC));
            for (var order = 0; order < ORDERS; order++) {
                if (order == OPENING) {
                    // The mirror has been running since the shop opened: it has copied the opening orders and
                    // checkpointed billing before the day's business goes on.
                    awaitCheckpoint(backup, settings, committedOffsets(primary));
                    openForTheDay(primary);
                }
                producer.send(new ProducerRecord<>(TOPIC, "o-" + order, "order.created"));
                var sent = order + 1;
                if (sent % 10 == 0) {
                    producer.flush();
                    if (sent <= ORDERS - UNBILLED) {
                        billUpTo(billing, billed, sent);
                    }
                }
            }
        }
        assertThat(billed).as("orders billed on the primary before the disaster (the drill's setup)")
                .hasSize(ORDERS - UNBILLED);
        return billed;
    }

    private static void awaitCheckpoint(EmbeddedCluster backup, Map<String, String> settings, Map<Integer, Long> committed) {
        await("a checkpoint of " + GROUP + " at its committed offsets " + committed + " on the backup", settings,
                () -> latestCheckpoints(backup).equals(committed), () -> "latest checkpoints: " + latestCheckpoints(backup));
    }

    /** The operators' dashboard reads the orders too (not a shop group), and the shop makes a payments topic. */
    private static void openForTheDay(EmbeddedCluster primary) throws Exception {
        try (var admin = Admin.create(client(primary));
             var producer = new KafkaProducer<>(client(primary), new StringSerializer(), new StringSerializer())) {
            admin.alterConsumerGroupOffsets(OPS_GROUP, Map.of(new TopicPartition(TOPIC, 0), new OffsetAndMetadata(1))).all().get();
            admin.createTopics(List.of(new NewTopic(PAYMENTS, 1, (short) 1))).all().get();
            producer.send(new ProducerRecord<>(PAYMENTS, "p-1", "payment.captured")).get();
        }
    }

    /** Billing polls until it has billed {@code count} orders, committing after each poll. */
    private static void billUpTo(KafkaConsumer<String, String> billing, Set<String> billed, int count) {
        var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        do {
            billing.poll(Duration.ofMillis(100)).forEach(record -> billed.add(record.key()));
            billing.commitSync();
        } while (billed.size() < count && System.nanoTime() < deadline);
    }

    /** Billing on the backup: the group's consumer starts at {@code resumeAt} and reads to the end. */
    private static List<ConsumerRecord<String, String>> billOnBackup(EmbeddedCluster backup, Map<TopicPartition, OffsetAndMetadata> resumeAt) {
        var billed = new ArrayList<ConsumerRecord<String, String>>();
        try (var consumer = new KafkaConsumer<>(consumerConfig(backup), new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(resumeAt.keySet());
            resumeAt.forEach((partition, offset) -> consumer.seek(partition, offset.offset()));
            var end = consumer.endOffsets(resumeAt.keySet());
            var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    fail("Billing on the backup did not reach the end of %s in 20 s: at %s, the end at %s", end.keySet(),
                            end.keySet().stream().collect(Collectors.toMap(p -> p, consumer::position)), end);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(billed::add);
            }
        }
        return billed;
    }

    /** The billing group's committed offsets on the primary, by partition number. */
    private static Map<Integer, Long> committedOffsets(EmbeddedCluster primary) throws Exception {
        try (var admin = Admin.create(client(primary))) {
            return admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get().entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().partition(), e -> e.getValue().offset(), (a, b) -> b, TreeMap::new));
        }
    }

    /** The groups with a checkpoint on the backup. */
    private static Set<String> checkpointedGroups(EmbeddedCluster backup) {
        return readCheckpoints(backup).stream().map(Checkpoint::consumerGroupId).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The latest checkpoint of the billing group per partition, as the upstream (primary) offset it covers. */
    private static Map<Integer, Long> latestCheckpoints(EmbeddedCluster backup) {
        var latest = new TreeMap<Integer, Long>();
        readCheckpoints(backup).stream().filter(checkpoint -> checkpoint.consumerGroupId().equals(GROUP))
                .forEach(checkpoint -> latest.put(checkpoint.topicPartition().partition(), checkpoint.upstreamOffset()));
        return latest;
    }

    /** Every checkpoint on the backup, oldest first. */
    private static List<Checkpoint> readCheckpoints(EmbeddedCluster backup) {
        var checkpointsTopic = DisasterRecovery.PRIMARY + ".checkpoints.internal";
        try (var consumer = new KafkaConsumer<>(client(backup), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(checkpointsTopic, Duration.ofSeconds(2)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            var checkpoints = new ArrayList<Checkpoint>();
            if (partitions.isEmpty()) {
                return checkpoints;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            var deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    checkpoints.add(Checkpoint.deserializeRecord(record));
                }
            }
            return checkpoints;
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            return List.of();
        }
    }

    private static long recordsIn(Admin admin, String topic) {
        try {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            return admin.listOffsets(partitions).all().get().values().stream().mapToLong(info -> info.offset()).sum();
        } catch (Exception e) {
            return -1; // not there yet
        }
    }

    private static String config(Admin admin, String topic, String name) {
        try {
            var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return admin.describeConfigs(List.of(resource)).all().get().get(resource).get(name).value();
        } catch (Exception e) {
            return null; // not there yet
        }
    }

    /** Waits for MirrorMaker's work; fails naming the settings and what there is instead. */
    private static void await(String what, Map<String, String> settings, Supplier<Boolean> done, Supplier<String> instead) {
        var deadline = System.nanoTime() + MIRRORING.toNanos();
        while (System.nanoTime() < deadline) {
            if (done.get()) {
                return;
            }
            try {
                Thread.sleep(250); // between two looks at the backup
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail("Waited %d s for %s, with your MirrorMaker settings %s; %s", MIRRORING.toSeconds(), what, new TreeMap<>(settings),
                instead.get());
    }

    /**
     * What a lab of one-broker clusters adds to any MirrorMaker settings: a replication factor of 1 for the
     * topics it makes (a production cluster keeps the defaults, 2 and 3).
     */
    private static Map<String, String> withLabPlumbing(Map<String, String> settings) {
        var all = new HashMap<>(settings);
        for (var factor : List.of("replication.factor", "checkpoints.topic.replication.factor", "heartbeats.topic.replication.factor",
                "offset-syncs.topic.replication.factor", "offset.storage.replication.factor", "config.storage.replication.factor",
                "status.storage.replication.factor")) {
            all.put(factor, "1");
        }
        return all;
    }

    private static Map<String, Object> client(EmbeddedCluster cluster) {
        return new HashMap<>(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
    }

    private static Map<String, Object> consumerConfig(EmbeddedCluster cluster) {
        var config = client(cluster);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return config;
    }
}
