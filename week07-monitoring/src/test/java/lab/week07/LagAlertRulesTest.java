package lab.week07;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import lab.kit.junit.Background;
import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.Lanes;
import lab.kit.junit.WithKafka;
import lab.kit.monitoring.ConsumerLagExporter;
import lab.kit.monitoring.PrometheusServer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The learner's consumer-group alerts, checked by Prometheus's own rule unit tests (promtool, against
 * lag-alert-rules.test.yml) and live: a real Prometheus scrapes the lab's lag exporter while orders keep
 * arriving, one group keeps up and another stops; both alerts must fire for the stopped group only.
 */
@Execution(ExecutionMode.CONCURRENT) // beside the main lane (see Lanes)
@ResourceLock(Lanes.WAITS)
@WithKafka
@Tag("ex7.6")
@DisplayName("7.6 Alerts on consumer groups: lag growing, commits stopped")
class LagAlertRulesTest {

    private static final Duration ALERT_TIMEOUT = Duration.ofSeconds(60);

    @Test
    @DisplayName("the rules pass the specification's unit tests (promtool test rules, lag-alert-rules.test.yml)")
    void passesTheSpecification(KafkaLab kafka) throws Exception {
        RuleSpec.assertPasses(LagAlertRules.yaml(), "lag-alert-rules.test.yml", RuleSpec.outputs().resolve(kafka.uniqueName("lag-spec")));
    }

    @Test
    @DisplayName("live: a group that stops reading fires both alerts, for that group only; one that keeps up fires none")
    void firesForTheStoppedGroupOnly(KafkaLab kafka) throws Exception {
        assumeThat(PrometheusServer.installed()).as(PrometheusServer.MISSING).isTrue();
        var rules = Files.createDirectories(RuleSpec.outputs()).resolve(kafka.uniqueName("lag-live") + ".yml");
        Files.writeString(rules, LagAlertRules.yaml());
        var topic = kafka.createTopic("orders", 3);
        var exporter = kafka.closeAfterTest(ConsumerLagExporter.start(kafka.bootstrapServers()));
        var prometheus = kafka.closeAfterTest(PrometheusServer.builder().scrapeInterval(Duration.ofSeconds(1)).ruleFile(rules)
                .target("kafka-lag", exporter.target(), Map.of()).start());
        prometheus.awaitTargetsUp(Duration.ofSeconds(30));
        var keptUp = kafka.uniqueName("kept-up");
        var stopped = kafka.uniqueName("stopped");
        var running = new AtomicBoolean(true);
        var stoppedRead = new AtomicInteger();
        var threads = new ArrayList<Background>();
        try {
            threads.add(Background.start("orders-writer", () -> write(kafka, topic, running)));
            threads.add(Background.start(keptUp, () -> read(kafka, topic, keptUp, running, new AtomicInteger(), Integer.MAX_VALUE)));
            threads.add(Background.start(stopped, () -> read(kafka, topic, stopped, running, stoppedRead, 50)));
            threads.get(2).awaitUntil("the group that will stop has read 50 orders", () -> stoppedRead.get() >= 50);

            LabAwait.until("both alerts firing for " + stopped).atMost(ALERT_TIMEOUT).untilAsserted(() -> {
                var alerts = prometheus.alerts();
                assertThat(firing(alerts, stopped)).as("alerts firing for the group that stopped reading (%s); every alert"
                        + " in Prometheus now: %s", stopped, alerts)
                        .contains("KafkaConsumerLagGrowing", "KafkaConsumerGroupStoppedCommitting");
            });
            // Pending is allowed: the group that keeps up has a moment of growing lag now and then (a burst of
            // orders between two polls), and that is what the "for" is for: it must never last long enough to fire.
            var alerts = prometheus.alerts();
            assertThat(firing(alerts, keptUp)).as("alerts firing for the group that keeps up (%s): its lag does not keep"
                    + " growing and it commits; every alert now: %s", keptUp, alerts).isEmpty();
        } finally {
            running.set(false);
            for (var thread : threads) {
                thread.ended(Duration.ofSeconds(10));
            }
        }
    }

    private static List<String> firing(JsonNode alerts, String group) {
        var names = new ArrayList<String>();
        alerts.forEach(alert -> {
            if (group.equals(alert.path("labels").path("consumergroup").asText()) && "firing".equals(alert.path("state").asText())) {
                names.add(alert.path("labels").path("alertname").asText());
            }
        });
        return names;
    }

    /** About 50 orders a second, as long as the test runs. */
    private static void write(KafkaLab kafka, String topic, AtomicBoolean running) {
        try (var producer = kafka.newProducer()) {
            for (int i = 0; running.get(); i++) {
                producer.send(new ProducerRecord<>(topic, "o-" + i, "order.created"));
                TimeUnit.MILLISECONDS.sleep(20); // a steady pace of traffic, not a wait for a result
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads and commits after every poll until {@code limit} records are read (then it stops: leaves the group) or the test ends. */
    private static void read(KafkaLab kafka, String topic, String group, AtomicBoolean running, AtomicInteger read, int limit) {
        try (var consumer = kafka.newConsumer(kafka.manualCommitConfig(group))) {
            consumer.subscribe(List.of(topic));
            while (running.get() && read.get() < limit) {
                var records = consumer.poll(Duration.ofMillis(100));
                read.addAndGet(records.count());
                if (!records.isEmpty()) {
                    consumer.commitSync();
                }
            }
        }
    }
}
