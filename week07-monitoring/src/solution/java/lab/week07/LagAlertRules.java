package lab.week07;

/**
 * Exercise 7.6: alerts on consumer groups. A fixed lag threshold is wrong both ways: a big backlog that a
 * consumer works through at pace is fine, and a small lag that grows every second is not. So one alert
 * looks at the trend of the lag, the other at the commits: records waiting and no commit means the group
 * is stuck or gone. The series come from a lag exporter (the lab's, with kafka_exporter's names).
 */
public final class LagAlertRules {

    private LagAlertRules() {
    }

    /** A Prometheus rule file with the two alerts of the README's table (the lab's short windows). */
    public static String yaml() {
        return """
                groups:
                  - name: kafka-consumer-groups
                    rules:
                      # The trend, summed over the group's partitions: one alert per group, and a partition
                      # that catches up offsets one that falls behind. The window is shorter than the "for":
                      # a burst keeps the slope up for as long as it stays in the window.
                      - alert: KafkaConsumerLagGrowing
                        expr: sum by (consumergroup) (deriv(kafka_consumergroup_lag[5s])) > 0
                        for: 15s
                        labels:
                          severity: warning
                        annotations:
                          summary: Consumer group {{ $labels.consumergroup }} falls further behind
                      # No commit in the window while records wait. Without the lag condition, a group with
                      # nothing to read (it commits nothing new either) would page someone at night.
                      - alert: KafkaConsumerGroupStoppedCommitting
                        expr: >-
                          sum by (consumergroup) (changes(kafka_consumergroup_current_offset[10s])) == 0
                          and sum by (consumergroup) (kafka_consumergroup_lag) > 0
                        for: 5s
                        labels:
                          severity: critical
                        annotations:
                          summary: Consumer group {{ $labels.consumergroup }} stopped committing with records waiting
                """;
    }
}
