package lab.week07;

/**
 * Exercise 7.4: alerts that wake someone only when something is wrong, and always then. An alert is a
 * PromQL condition that must hold for a while before it fires, so a blip does not page anyone; its
 * labels route it (a severity decides who is woken); its annotations tell the person what happened.
 * The hard part is the condition: it must also hold when the data it needs is missing.
 */
public final class AlertRules {

    private AlertRules() {
    }

    /** A Prometheus rule file with the three alerts of the README's table (the lab's short "for" durations). */
    public static String yaml() {
        return """
                groups:
                  - name: kafka-cluster
                    rules:
                      # Summed: one alert for the cluster, not one per broker that leads a damaged partition.
                      - alert: KafkaUnderReplicatedPartitions
                        expr: sum(kafka_server_under_replicated_partitions) > 0
                        for: 5s
                        labels:
                          severity: warning
                        annotations:
                          summary: Partitions are missing an in-sync replica
                      - alert: KafkaOfflinePartitions
                        expr: sum(kafka_controller_offline_partitions) > 0
                        for: 0s
                        labels:
                          severity: critical
                        annotations:
                          summary: Partitions have no leader
                      # "or vector(0)": with no controller scraped the sum has no value at all, and a
                      # comparison with nothing is nothing: the alert would stay silent when it matters most.
                      - alert: KafkaActiveControllerMissing
                        expr: (sum(kafka_controller_active_controllers) or vector(0)) != 1
                        for: 5s
                        labels:
                          severity: critical
                        annotations:
                          summary: The cluster does not have exactly one active controller
                """;
    }
}
