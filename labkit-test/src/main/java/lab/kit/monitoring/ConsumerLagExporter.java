package lab.kit.monitoring;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import lab.kit.broker.LabPorts;
import lab.kit.broker.LabSetupException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer-group lag for Prometheus, read from the brokers over the Admin API at every scrape: what
 * {@code kafka_exporter} (the exporter most Kafka dashboards are built on) serves, under its names, so the
 * alert rules written here work there too. Served at {@code http://127.0.0.1:<port>/metrics}:
 * <ul>
 *   <li>{@code kafka_consumergroup_current_offset{consumergroup, topic, partition}}: the group's committed offset;</li>
 *   <li>{@code kafka_topic_partition_current_offset{topic, partition}}: the partition's end offset;</li>
 *   <li>{@code kafka_consumergroup_lag{consumergroup, topic, partition}}: the difference;</li>
 *   <li>{@code kafka_consumergroup_members{consumergroup}}: the members the group has now.</li>
 * </ul>
 * A broker that does not answer makes a scrape fail (Prometheus marks the target down): no sample is
 * better than a wrong zero.
 */
public final class ConsumerLagExporter implements AutoCloseable {

    private static final long ADMIN_WAIT_SECONDS = 5;

    private final Admin admin;
    private final HTTPServer server;

    private ConsumerLagExporter(Admin admin, HTTPServer server) {
        this.admin = admin;
        this.server = server;
    }

    /** Starts serving the lag of every consumer group of the cluster at {@code bootstrap}. */
    public static ConsumerLagExporter start(String bootstrap) {
        var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(ADMIN_WAIT_SECONDS),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(ADMIN_WAIT_SECONDS)));
        try {
            var registry = new PrometheusRegistry();
            registry.register((MultiCollector) () -> collect(admin));
            return new ConsumerLagExporter(admin, HTTPServer.builder().hostname("127.0.0.1").port(LabPorts.free())
                    .registry(registry).buildAndStart());
        } catch (IOException e) {
            admin.close();
            throw new LabSetupException("The lag exporter could not open its HTTP port: " + e.getMessage(), e);
        }
    }

    /** The address Prometheus scrapes, {@code 127.0.0.1:<port>}. */
    public String target() {
        return "127.0.0.1:" + server.getPort();
    }

    @Override
    public void close() {
        server.close();
        admin.close();
    }

    private static MetricSnapshots collect(Admin admin) {
        try {
            var committed = GaugeSnapshot.builder().name("kafka_consumergroup_current_offset")
                    .help("The consumer group's committed offset, per partition");
            var end = GaugeSnapshot.builder().name("kafka_topic_partition_current_offset").help("The partition's end offset");
            var lag = GaugeSnapshot.builder().name("kafka_consumergroup_lag")
                    .help("Records the group has not committed yet: end offset minus committed offset");
            var members = GaugeSnapshot.builder().name("kafka_consumergroup_members").help("Members of the group now");
            var groups = admin.listConsumerGroups().all().get(ADMIN_WAIT_SECONDS, TimeUnit.SECONDS).stream()
                    .map(ConsumerGroupListing::groupId).toList();
            var described = groups.isEmpty() ? Map.<String, org.apache.kafka.clients.admin.ConsumerGroupDescription>of()
                    : admin.describeConsumerGroups(groups).all().get(ADMIN_WAIT_SECONDS, TimeUnit.SECONDS);
            var offsets = new HashMap<String, Map<TopicPartition, Long>>();
            for (var group : groups) {
                var committedOffsets = new HashMap<TopicPartition, Long>();
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(ADMIN_WAIT_SECONDS, TimeUnit.SECONDS)
                        .forEach((partition, offset) -> {
                            if (offset != null) {
                                committedOffsets.put(partition, offset.offset());
                            }
                        });
                offsets.put(group, committedOffsets);
                members.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(Labels.of("consumergroup", group))
                        .value(described.containsKey(group) ? described.get(group).members().size() : 0).build());
            }
            var partitions = offsets.values().stream().flatMap(map -> map.keySet().stream()).distinct().toList();
            var ends = new HashMap<TopicPartition, Long>();
            if (!partitions.isEmpty()) {
                var request = new HashMap<TopicPartition, OffsetSpec>();
                partitions.forEach(partition -> request.put(partition, OffsetSpec.latest()));
                admin.listOffsets(request).all().get(ADMIN_WAIT_SECONDS, TimeUnit.SECONDS)
                        .forEach((partition, info) -> ends.put(partition, info.offset()));
            }
            ends.forEach((partition, offset) -> end.dataPoint(point(offset, "topic", partition.topic(),
                    "partition", String.valueOf(partition.partition()))));
            offsets.forEach((group, byPartition) -> byPartition.forEach((partition, offset) -> {
                var labels = new String[] {"consumergroup", group, "topic", partition.topic(), "partition",
                        String.valueOf(partition.partition())};
                committed.dataPoint(point(offset, labels));
                lag.dataPoint(point(Math.max(0, ends.getOrDefault(partition, offset) - offset), labels));
            }));
            return MetricSnapshots.of(committed.build(), end.build(), lag.build(), members.build());
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The lag exporter could not read the groups' offsets: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the groups' offsets", e);
        }
    }

    private static GaugeSnapshot.GaugeDataPointSnapshot point(double value, String... labels) {
        return GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(Labels.of(labels)).value(value).build();
    }
}
