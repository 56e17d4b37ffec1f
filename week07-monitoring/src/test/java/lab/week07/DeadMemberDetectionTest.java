package lab.week07;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.Lanes;
import lab.kit.junit.WithKafka;
import lab.kit.process.JavaService;
import lab.kit.report.BarChart;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Two members share a 4-partition topic; one runs in a JVM of its own and is killed with -9, so it never
 * says goodbye. The test measures how long until the survivor holds all 4 partitions: the group's
 * session, then a rebalance. Once under the classic protocol with the learner's client settings, once
 * under the consumer protocol with the learner's group configuration. The two runs go side by side: the
 * wait is the broker's clock, not the CPU.
 */
@Execution(ExecutionMode.CONCURRENT) // it mostly waits: beside the main lane (see Lanes)
@ResourceLock(Lanes.WAITS)
@WithKafka
@Tag("ex7.14")
@DisplayName("7.14 Noticing a dead member: the classic protocol and the consumer protocol")
class DeadMemberDetectionTest {

    private static final Duration WITHIN = Duration.ofSeconds(3);
    /** After the session expires: the survivor learns of the rebalance on its next heartbeat, then rejoins. */
    private static final Duration REBALANCE = Duration.ofSeconds(4);
    private static final int PARTITIONS = 4;
    private static Map<String, CompletableFuture<Detection>> runs;

    @Test
    @DisplayName("classic: the session is the time given, and heartbeats come three times in it or more")
    void classicSettings() {
        for (var within : List.of(WITHIN, Duration.ofSeconds(10))) {
            var settings = DeadMemberDetection.classicMember(within);
            var session = millis(settings, ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 45_000);
            var heartbeat = millis(settings, ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);

            assertThat(String.valueOf(settings.getOrDefault(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic")))
                    .as("group.protocol of classicMember(%s)", within).isEqualToIgnoringCase("classic");
            assertThat(session).as("session.timeout.ms of classicMember(%s) %s: the group notices a dead member when its"
                    + " session expires, so at most %d ms; and not under half of it, or a member that is merely slow"
                    + " (a GC pause) is thrown out", within, settings, within.toMillis()).isBetween(within.toMillis() / 2, within.toMillis());
            assertThat(heartbeat).as("heartbeat.interval.ms of classicMember(%s) %s: at most a third of the session (%d ms),"
                    + " so a live member may miss two heartbeats and keep its place", within, settings, session)
                    .isLessThanOrEqualTo(session / 3);
        }
    }

    @Test
    @DisplayName("classic: a member killed with -9 loses its partitions to the survivor within the session and a rebalance")
    void classicNoticesTheKill(KafkaLab kafka) {
        var detection = outcome(kafka, "classic");

        assertNoticed(detection);
    }

    @Test
    @DisplayName("consumer protocol: the client leaves session and heartbeat to the broker, and the consumer accepts its settings")
    void consumerProtocolClient(KafkaLab kafka) {
        var settings = DeadMemberDetection.consumerProtocolMember();
        var config = new HashMap<>(kafka.consumerConfig(kafka.uniqueName("dead-member-settings")));
        config.putAll(settings);

        assertThat(String.valueOf(settings.get(ConsumerConfig.GROUP_PROTOCOL_CONFIG)))
                .as("group.protocol of consumerProtocolMember() %s", settings).isEqualToIgnoringCase("consumer");
        try (var consumer = new KafkaConsumer<String, String>(config)) {
            assertThat(consumer.groupMetadata().groupId()).isEqualTo(config.get(ConsumerConfig.GROUP_ID_CONFIG));
        } catch (org.apache.kafka.common.KafkaException e) {
            fail("The consumer refused consumerProtocolMember() %s: %s. Under group.protocol=consumer the broker owns"
                    + " the session and the heartbeat, per group: see tuneGroup", settings, rootMessage(e));
        }
    }

    @Test
    @DisplayName("consumer protocol: tuneGroup sets the group's session and heartbeat, as the broker reports them")
    void tuneGroupSetsTheGroupsConfig(KafkaLab kafka) throws Exception {
        for (var within : List.of(WITHIN, Duration.ofSeconds(10))) {
            var group = kafka.uniqueName("dead-member-tuned");
            DeadMemberDetection.tuneGroup(kafka.admin(), group, within);

            var config = groupConfig(kafka, group);
            var session = config.get("consumer.session.timeout.ms");
            var heartbeat = config.get("consumer.heartbeat.interval.ms");
            var sessionMs = Long.parseLong(session.value());

            assertThat(sessionMs).as("consumer.session.timeout.ms of group %s after tuneGroup(%s), as the broker reports it"
                    + " (source %s): at most %d ms, and not under half of it", group, within, session.source(), within.toMillis())
                    .isBetween(within.toMillis() / 2, within.toMillis());
            assertThat(heartbeat.source()).as("where consumer.heartbeat.interval.ms of group %s comes from (%s ms now): set it"
                    + " on the group too, since production's default heartbeat (5 s) is longer than a short session", group,
                    heartbeat.value()).isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_GROUP_CONFIG);
            assertThat(Long.parseLong(heartbeat.value())).as("consumer.heartbeat.interval.ms of group %s: at most a third of"
                    + " its session (%d ms)", group, sessionMs).isLessThanOrEqualTo(sessionMs / 3);
        }
    }

    /**
     * The group's configuration as the broker reports it. An alteration is answered once the metadata log has
     * it, which can be a moment before the answering broker has applied it: a few tries, 100 ms apart.
     */
    private static Config groupConfig(KafkaLab kafka, String group) throws Exception {
        var resource = new ConfigResource(ConfigResource.Type.GROUP, group);
        Config config = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            config = kafka.admin().describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
            var session = config.get("consumer.session.timeout.ms");
            if (session != null && session.source() == ConfigEntry.ConfigSource.DYNAMIC_GROUP_CONFIG) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return config;
    }

    @Test
    @DisplayName("consumer protocol: a member killed with -9 loses its partitions within the group's session and a rebalance")
    void consumerProtocolNoticesTheKill(KafkaLab kafka) {
        var detection = outcome(kafka, "consumer");

        assertNoticed(detection);
    }

    /** Both measured: draw them side by side, with the defaults' sessions for contrast. */
    @AfterAll
    static void drawWhatWasMeasured() {
        if (runs == null || runs.values().stream().anyMatch(run -> !run.isDone() || run.isCompletedExceptionally())) {
            return;
        }
        var chart = new BarChart("7.14 seconds until a group noticed a member killed with -9 (session " + WITHIN.toSeconds()
                + " s; by default 45 s, both protocols)", "s");
        List.of("classic", "consumer").forEach(protocol -> {
            var detection = runs.get(protocol).join();
            if (detection.noticedAfter() != null) {
                chart.bar(protocol + " protocol", detection.noticedAfter().toMillis() / 1000.0);
            }
        });
        chart.write("week07-dead-member");
    }

    private static void assertNoticed(Detection detection) {
        System.out.printf("[lab] 7.14 %s protocol, settings %s: %s%n", detection.protocol(), detection.settings(),
                detection.noticedAfter() == null ? "not noticed within " + (WITHIN.plus(REBALANCE).toSeconds()) + " s"
                        : String.format("noticed after %.1f s", detection.noticedAfter().toMillis() / 1000.0));
        if (detection.noticedAfter() == null) {
            fail("%s protocol: the survivor still held %d of the %d partitions %d s after the other member was killed with"
                    + " -9 (settings %s). A member that dies without a word keeps its partitions until its session"
                    + " expires, and by default that is 45 s. The killed member's log: %s", detection.protocol(),
                    detection.heldAtEnd(), PARTITIONS, WITHIN.plus(REBALANCE).toSeconds(), detection.settings(),
                    detection.victimLog());
        }
    }

    /** Starts both runs at the first call, side by side; each test then waits for its own. */
    private static synchronized Detection outcome(KafkaLab kafka, String protocol) {
        if (runs == null) {
            runs = Map.of(
                    "classic", CompletableFuture.supplyAsync(() -> detect(kafka, "classic",
                            () -> DeadMemberDetection.classicMember(WITHIN), group -> { })),
                    "consumer", CompletableFuture.supplyAsync(() -> detect(kafka, "consumer",
                            DeadMemberDetection::consumerProtocolMember,
                            group -> DeadMemberDetection.tuneGroup(kafka.admin(), group, WITHIN))));
        }
        try {
            return runs.get(protocol).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("The " + protocol + " run did not end within 60 s", e);
        }
    }

    private static Detection detect(KafkaLab kafka, String protocol, java.util.function.Supplier<Map<String, Object>> member,
                                    Consumer<String> prepareGroup) {
        var settings = member.get();
        var topic = kafka.createTopic("dead-member-" + protocol, PARTITIONS);
        var group = kafka.uniqueName("dead-member-" + protocol);
        prepareGroup.accept(group);
        var args = new ArrayList<>(List.of(kafka.bootstrapServers(), topic, group));
        settings.forEach((key, value) -> args.add(key + "=" + value));
        var config = new HashMap<>(kafka.consumerConfig(group));
        config.putAll(settings);
        var held = new AtomicInteger();
        var running = new AtomicBoolean(true);
        var survivorFailure = new java.util.concurrent.atomic.AtomicReference<RuntimeException>();
        var survivor = new Thread(() -> {
            try (var consumer = new KafkaConsumer<String, String>(config)) {
                consumer.subscribe(List.of(topic));
                while (running.get()) {
                    consumer.poll(Duration.ofMillis(50));
                    held.set(consumer.assignment().size());
                }
            } catch (RuntimeException e) {
                survivorFailure.set(e);
            }
        }, "survivor-" + protocol);
        survivor.start();
        try (var victim = JavaService.start("group-member-" + protocol, GroupMemberMain.class, List.of("-Xmx96m"), args)) {
            var shared = await(() -> held.get() == PARTITIONS / 2 || survivorFailure.get() != null || !victim.isAlive(),
                    Duration.ofSeconds(20)) && held.get() == PARTITIONS / 2;
            if (survivorFailure.get() != null) {
                throw new IllegalStateException(protocol + " protocol: a member with settings " + settings + " failed: "
                        + rootMessage(survivorFailure.get()), survivorFailure.get());
            }
            if (!shared) {
                throw new IllegalStateException(protocol + " protocol: the two members never shared the " + PARTITIONS
                        + " partitions (the survivor holds " + held.get() + (victim.isAlive() ? "" : "; the other member"
                        + " ended") + "); the other member's log: " + victim.log());
            }
            var killedAt = System.nanoTime();
            victim.close(); // SIGKILL: no LeaveGroup, no last heartbeat
            var noticed = await(() -> held.get() == PARTITIONS, WITHIN.plus(REBALANCE));
            return new Detection(protocol, settings, noticed ? Duration.ofNanos(System.nanoTime() - killedAt) : null, held.get(),
                    victim.log().toString());
        } finally {
            running.set(false);
            try {
                survivor.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean await(java.util.function.BooleanSupplier condition, Duration atMost) {
        var deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static long millis(Map<String, Object> settings, String key, long kafkaDefault) {
        var value = settings.get(key);
        return value == null ? kafkaDefault : Long.parseLong(String.valueOf(value));
    }

    private static String rootMessage(Throwable e) {
        var root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private record Detection(String protocol, Map<String, Object> settings, Duration noticedAfter, int heldAtEnd, String victimLog) {
    }
}
