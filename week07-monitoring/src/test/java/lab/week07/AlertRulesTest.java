package lab.week07;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.Lanes;
import lab.kit.junit.WithKafka;
import lab.kit.monitoring.AlertmanagerServer;
import lab.kit.monitoring.JmxExporter;
import lab.kit.monitoring.PrometheusServer;
import lab.kit.monitoring.WebhookReceiver;
import lab.kit.report.LineChart;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The learner's alert rules, checked twice: by Prometheus's own rule unit tests (promtool, with series
 * over time that the specification file describes), and live, on a real cluster: a broker killed, the
 * alert firing in Prometheus, routed by a real Alertmanager to a webhook, and resolved when the broker is back.
 */
@Execution(ExecutionMode.CONCURRENT) // beside the main lane (see Lanes)
@ResourceLock(Lanes.QUORUM_CLUSTER)
@WithKafka(brokers = 3, processes = true, controllers = 3)
@Tag("ex7.4")
@DisplayName("7.4 Alerts that fire, and resolve")
class AlertRulesTest {

    private static final Duration ALERT_TIMEOUT = Duration.ofSeconds(60);

    @Test
    @DisplayName("the rules pass the specification's unit tests (promtool test rules, alert-rules.test.yml)")
    void passesTheSpecification() throws Exception { // no cluster: promtool alone
        RuleSpec.assertPasses(AlertRules.yaml(), "alert-rules.test.yml", RuleSpec.outputs().resolve("spec-" + System.nanoTime()));
    }

    @Test
    @DisplayName("live: a broker killed fires KafkaUnderReplicatedPartitions through Alertmanager; it resolves when the broker is back")
    void firesAndResolves(KafkaLab kafka) throws Exception {
        assumeThat(PrometheusServer.installed() && AlertmanagerServer.installed())
                .as(PrometheusServer.MISSING + " " + AlertmanagerServer.MISSING).isTrue();
        var cluster = Jmx.processes(kafka);
        kafka.createTopic("orders", 6, 3, Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2"));
        var rules = Files.createDirectories(RuleSpec.outputs()).resolve(kafka.uniqueName("live") + ".yml");
        Files.writeString(rules, AlertRules.yaml());
        var webhook = kafka.closeAfterTest(WebhookReceiver.start());
        var alertmanager = kafka.closeAfterTest(AlertmanagerServer.start(webhook.url()));
        var builder = PrometheusServer.builder().scrapeInterval(Duration.ofSeconds(1)).ruleFile(rules).alertmanager(alertmanager.address());
        for (var node : cluster.brokerIds()) {
            builder.target("kafka", exporter(kafka, node).target(), Map.of("node", String.valueOf(node)));
        }
        for (var node : cluster.controllerIds()) {
            builder.target("kafka-controllers", exporter(kafka, node).target(), Map.of("node", String.valueOf(node)));
        }
        var prometheus = kafka.closeAfterTest(builder.start());
        prometheus.awaitTargetsUp(Duration.ofSeconds(30));

        var killed = Instant.now();
        cluster.killBroker(2);

        awaitNotified(webhook, prometheus, "firing", "after broker 2 was killed (SIGKILL)");
        System.out.printf("[lab] KafkaUnderReplicatedPartitions reached the webhook %.1f s after the kill%n",
                Duration.between(killed, Instant.now()).toMillis() / 1000.0);
        var restarted = Instant.now();
        cluster.startBroker(2);
        awaitNotified(webhook, prometheus, "resolved", "after broker 2 was started again");
        drawTimeline(prometheus, killed, restarted);
    }

    /** The metric and the alert's states around the kill, as a chart: the "for" shows as the gap between the two. */
    private static void drawTimeline(PrometheusServer prometheus, Instant killed, Instant restarted) throws Exception {
        var from = killed.minusSeconds(5);
        var to = Instant.now().plusSeconds(1);
        var alert = "max(ALERTS{alertname=\"KafkaUnderReplicatedPartitions\", alertstate=\"%s\"}) or vector(0)";
        var urp = range(prometheus, "sum(kafka_server_under_replicated_partitions)", from, to, killed);
        var pending = range(prometheus, alert.formatted("pending"), from, to, killed);
        var firing = range(prometheus, alert.formatted("firing"), from, to, killed);
        var restartedAt = Duration.between(killed, restarted).toMillis() / 1000.0;
        new LineChart("7.4 broker 2 killed at 0 s, started again at " + Math.round(restartedAt) + " s: the metric and the alert",
                "seconds since the kill", "partitions; alert state (1 = on)")
                .series("sum(kafka_server_under_replicated_partitions)", urp.get(0), urp.get(1))
                .steps("KafkaUnderReplicatedPartitions pending", pending.get(0), pending.get(1))
                .steps("KafkaUnderReplicatedPartitions firing", firing.get(0), firing.get(1))
                .marker(0, "broker 2 killed").marker(restartedAt, "broker 2 started again").write("week07-alert-timeline");
    }

    /** A range query's one series as [seconds since {@code zero}, values]. */
    private static List<List<Double>> range(PrometheusServer prometheus, String promql, Instant from, Instant to, Instant zero)
            throws Exception {
        var series = prometheus.queryRange(promql, from, to, Duration.ofSeconds(1));
        assertThat(series).as("the range of %s for the chart", promql).isNotEmpty();
        var seconds = series.get(0).epochSeconds().stream().map(t -> t - zero.toEpochMilli() / 1000.0).toList();
        return List.of(seconds, series.get(0).values());
    }

    private static void awaitNotified(WebhookReceiver webhook, PrometheusServer prometheus, String status, String when) {
        LabAwait.until("KafkaUnderReplicatedPartitions " + status + " at the webhook " + when).atMost(ALERT_TIMEOUT)
                .untilAsserted(() -> assertThat(webhook.received()).as("notifications at the webhook %s; the alerts in Prometheus"
                        + " now: %s", when, prometheus.alerts()).anyMatch(notified ->
                        notified.alertname().equals("KafkaUnderReplicatedPartitions") && notified.status().equals(status)));
    }

    private static JmxExporter exporter(KafkaLab kafka, int node) {
        return kafka.closeAfterTest(JmxExporter.start(Jmx.processes(kafka).jmxUrl(node), ExporterConfig.yaml()));
    }
}
