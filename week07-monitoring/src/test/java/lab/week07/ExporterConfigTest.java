package lab.week07;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.Lanes;
import lab.kit.junit.WithKafka;
import lab.kit.monitoring.JmxExporter;
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
 * The learner's exporter configuration, run by Prometheus's own JMX exporter against the JMX ports of
 * broker and controller processes; its samples are compared with the MBeans they came from. The last
 * test has a real Prometheus scrape every node.
 */
@Execution(ExecutionMode.CONCURRENT) // beside the main lane (see Lanes)
@ResourceLock(Lanes.QUORUM_CLUSTER)
@WithKafka(brokers = 3, processes = true, controllers = 3)
@Tag("ex7.3")
@DisplayName("7.3 From JMX names to Prometheus names")
class ExporterConfigTest {

    /** The dashboard the lab ships for Grafana users (week 7's README says how to import it). */
    private static final Path DASHBOARD = Path.of("monitoring", "grafana", "kafka-cluster.json");

    @Test
    @DisplayName("a broker's health gauges, as gauges with the JMX values")
    void healthGauges(KafkaLab kafka) throws Exception {
        var scrape = scrapeNode(kafka, 0);

        var jvm = Jmx.of(kafka, 0);
        assertThat(scrape.named("kafka_server_under_replicated_partitions")).as("kafka_server_under_replicated_partitions"
                + " from broker 0; the series scraped: %s", scrape.names()).singleElement()
                .extracting(Scrape.Sample::value).isEqualTo(value(jvm, "kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions", "Value"));
        assertThat(scrape.named("kafka_server_under_min_isr_partitions")).as("kafka_server_under_min_isr_partitions from broker 0")
                .singleElement().extracting(Scrape.Sample::value).isEqualTo(0.0);
        assertThat(scrape.types()).as("the declared types: a value that goes up and down is a gauge")
                .containsEntry("kafka_server_under_replicated_partitions", "gauge")
                .containsEntry("kafka_server_under_min_isr_partitions", "gauge");
        assertThat(scrape.named("kafka_server_request_handler_idle_ratio")).as("kafka_server_request_handler_idle_ratio: a"
                + " fraction, 0 to 1 (the meter's rate, not its count)").singleElement()
                .extracting(Scrape.Sample::value).satisfies(ratio -> assertThat(ratio).isBetween(0.0, 1.0));
    }

    @Test
    @DisplayName("bytes in, a counter per topic, equal to the broker's count; no sample without a topic")
    void bytesInPerTopic(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 1, 1, Map.of());
        var leader = kafka.admin().describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().get(0).leader().id();
        kafka.produce(IntStream.range(0, 50).mapToObj(i -> new ProducerRecord<>(topic, "o-" + i, "order.created")).toList());

        var scrape = scrapeNode(kafka, leader);

        var counted = value(Jmx.of(kafka, leader), "kafka.server:type=BrokerTopicMetrics,name=BytesInPerSec,topic=" + topic, "Count");
        var bytesIn = scrape.named("kafka_server_bytes_in_total");
        assertThat(bytesIn).as("kafka_server_bytes_in_total{topic=\"%s\"} from broker %d, the topic's leader; the series"
                + " scraped: %s", topic, leader, scrape.names())
                .filteredOn(sample -> topic.equals(sample.labels().get("topic"))).singleElement()
                .extracting(Scrape.Sample::value).isEqualTo(counted);
        assertThat(bytesIn).as("kafka_server_bytes_in_total samples without a topic label: the broker's total, which a"
                + " sum over topics would count twice").allSatisfy(sample -> assertThat(sample.labels()).containsKey("topic"));
        assertThat(scrape.types()).as("the declared types: bytes in only grows, a counter").containsEntry("kafka_server_bytes_in_total", "counter");
    }

    @Test
    @DisplayName("request latency: the Produce request's 50th and 99th percentiles, labelled by request and quantile")
    void produceLatency(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 1, 1, Map.of());
        var leader = kafka.admin().describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().get(0).leader().id();
        kafka.produce(List.of(new ProducerRecord<>(topic, "o-1", "order.created")));

        var scrape = scrapeNode(kafka, leader);

        var jvm = Jmx.of(kafka, leader);
        var produce = scrape.named("kafka_network_request_time_ms").stream()
                .filter(sample -> "Produce".equals(sample.labels().get("request"))).toList();
        assertThat(produce).as("kafka_network_request_time_ms{request=\"Produce\", quantile=...}: one series per quantile; the"
                + " series scraped: %s", scrape.names()).extracting(sample -> sample.labels().get("quantile"))
                .containsExactlyInAnyOrder("0.50", "0.99");
        assertThat(produce).as("the Produce request's 99th percentile, as the broker's TotalTimeMs bean has it")
                .filteredOn(sample -> "0.99".equals(sample.labels().get("quantile"))).singleElement()
                .extracting(Scrape.Sample::value)
                .isEqualTo(value(jvm, "kafka.network:type=RequestMetrics,name=TotalTimeMs,request=Produce", "99thPercentile"));
    }

    @Test
    @DisplayName("a real Prometheus scraping every node: one active controller in sum, one series per broker")
    void throughPrometheus(KafkaLab kafka) throws Exception {
        try (var prometheus = prometheusOverEveryNode(kafka)) {

            assertThat(prometheus.query("sum(kafka_controller_active_controllers)")).as("sum(kafka_controller_active_controllers)"
                    + " over the three controllers: one is active").singleElement()
                    .extracting(PrometheusServer.Sample::value).isEqualTo(1.0);
            assertThat(prometheus.query("kafka_server_under_replicated_partitions")).as("kafka_server_under_replicated_partitions:"
                    + " one series per broker, told apart by the node label Prometheus added")
                    .extracting(sample -> sample.labels().get("node")).containsExactlyInAnyOrder("0", "1", "2");
        }
    }

    @Test
    @DisplayName("the lab's Grafana dashboard draws from these names: every panel's query returns data")
    void dashboardPanelsHaveData(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 3);
        kafka.produce(IntStream.range(0, 100).mapToObj(i -> new ProducerRecord<>(topic, "o-" + i, "order.created")).toList());

        try (var prometheus = prometheusOverEveryNode(kafka)) {
            Dashboards.assertEveryPanelHasData(DASHBOARD, prometheus);
        }
    }

    /** A real Prometheus scraping an exporter with your configuration in front of every broker and controller. */
    private static PrometheusServer prometheusOverEveryNode(KafkaLab kafka) throws Exception {
        assumeThat(PrometheusServer.installed()).as(PrometheusServer.MISSING).isTrue();
        var cluster = Jmx.processes(kafka);
        var builder = PrometheusServer.builder().scrapeInterval(Duration.ofSeconds(2));
        for (var node : cluster.brokerIds()) {
            builder.target("kafka", exporter(kafka, node).target(), Map.of("node", String.valueOf(node)));
        }
        for (var node : cluster.controllerIds()) {
            builder.target("kafka-controllers", exporter(kafka, node).target(), Map.of("node", String.valueOf(node)));
        }
        var prometheus = builder.start();
        try {
            prometheus.awaitTargetsUp(Duration.ofSeconds(30));
        } catch (RuntimeException | Error e) {
            prometheus.close();
            throw e;
        }
        return prometheus;
    }

    private static Scrape scrapeNode(KafkaLab kafka, int node) throws Exception {
        return Scrape.parse(exporter(kafka, node).scrape());
    }

    private static JmxExporter exporter(KafkaLab kafka, int node) {
        return kafka.closeAfterTest(JmxExporter.start(Jmx.processes(kafka).jmxUrl(node), ExporterConfig.yaml()));
    }

    private static double value(MBeanServerConnection jvm, String bean, String attribute) throws Exception {
        return ((Number) jvm.getAttribute(new ObjectName(bean), attribute)).doubleValue();
    }
}
