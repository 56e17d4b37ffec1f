package lab.week07;

/**
 * Exercise 7.3: from JMX names to Prometheus names. Prometheus cannot read JMX; an exporter reads the
 * MBeans and publishes samples under names and labels its rules choose. Good names are what dashboards
 * and alerts are written against for years: one metric per meaning, its unit in the name, a counter
 * that ends in {@code _total}, and the things to group by (topic, request type) as labels, not as parts
 * of the name. The broker a sample came from is added by Prometheus, from the target it scraped.
 */
public final class ExporterConfig {

    private ExporterConfig() {
    }

    /** The JMX exporter's configuration (without {@code jmxUrl}), for brokers and controllers alike. */
    public static String yaml() {
        // Specific rules first: the exporter uses the first rule whose pattern matches an attribute.
        return """
                lowercaseOutputName: true
                # Only the beans the rules use: a broker has thousands, and reading all of them over JMX
                # takes longer than a scrape may.
                includeObjectNames:
                  - 'kafka.server:type=ReplicaManager,*'
                  - 'kafka.server:type=KafkaRequestHandlerPool,*'
                  - 'kafka.server:type=BrokerTopicMetrics,*'
                  - 'kafka.controller:type=KafkaController,*'
                  - 'kafka.network:type=RequestMetrics,name=TotalTimeMs,*'
                rules:
                  - pattern: 'kafka.server<type=ReplicaManager, name=UnderReplicatedPartitions><>Value'
                    name: kafka_server_under_replicated_partitions
                    type: GAUGE
                  - pattern: 'kafka.server<type=ReplicaManager, name=UnderMinIsrPartitionCount><>Value'
                    name: kafka_server_under_min_isr_partitions
                    type: GAUGE
                  - pattern: 'kafka.controller<type=KafkaController, name=ActiveControllerCount><>Value'
                    name: kafka_controller_active_controllers
                    type: GAUGE
                  - pattern: 'kafka.controller<type=KafkaController, name=OfflinePartitionsCount><>Value'
                    name: kafka_controller_offline_partitions
                    type: GAUGE
                  # A meter: its rate is the idle fraction, its count only adds up idle time.
                  - pattern: 'kafka.server<type=KafkaRequestHandlerPool, name=RequestHandlerAvgIdlePercent><>OneMinuteRate'
                    name: kafka_server_request_handler_idle_ratio
                    type: GAUGE
                  # Per topic only: the broker-wide bean (no topic key) would count every byte twice in a sum.
                  - pattern: 'kafka.server<type=BrokerTopicMetrics, name=BytesInPerSec, topic=(.+)><>Count'
                    name: kafka_server_bytes_in_total
                    type: COUNTER
                    labels:
                      topic: '$1'
                  - pattern: 'kafka.network<type=RequestMetrics, name=TotalTimeMs, request=(.+)><>(50|99)thPercentile'
                    name: kafka_network_request_time_ms
                    type: GAUGE
                    labels:
                      request: '$1'
                      quantile: '0.$2'
                """;
    }
}
