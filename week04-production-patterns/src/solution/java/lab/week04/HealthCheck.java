package lab.week04;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import lab.week04.Health.Check;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Exercise 4.12: a health check that tells the truth. "The process is running" is not health: a service
 * whose broker is unreachable, whose poll loop is stuck, or whose consumer group has fallen far behind
 * is not healthy, and an orchestrator that is told so can restart it or route around it. Each check is
 * bounded by {@code timeout}: a health endpoint that hangs is worse than one that says DOWN.
 */
public final class HealthCheck {

    private final Admin admin;
    private final String groupId;
    private final ServiceActivity activity;
    private final Duration maxPollGap;
    private final long maxLag;
    private final Duration timeout;
    private final Clock clock;

    public HealthCheck(Admin admin, String groupId, ServiceActivity activity, Duration maxPollGap, long maxLag,
                       Duration timeout, Clock clock) {
        this.admin = admin;
        this.groupId = groupId;
        this.activity = activity;
        this.maxPollGap = maxPollGap;
        this.maxLag = maxLag;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** The three checks: {@code broker}, {@code consumer} and {@code lag}. */
    public Health check() {
        return new Health(Map.of("broker", broker(), "consumer", consumer(), "lag", lag()));
    }

    private Check broker() {
        try {
            var options = new DescribeClusterOptions().timeoutMs((int) timeout.toMillis());
            var brokers = admin.describeCluster(options).nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Check.up(brokers.size() + " broker(s) reachable");
        } catch (Exception e) {
            return Check.down("broker unreachable within " + timeout.toMillis() + " ms: " + e);
        }
    }

    private Check consumer() {
        var lastPoll = activity.lastPoll();
        if (lastPoll == null) {
            return Check.down("the consumer has not polled yet");
        }
        // A loop that stopped polling is stuck (or dead), even if the process is alive.
        var gap = Duration.between(lastPoll, clock.instant());
        return gap.compareTo(maxPollGap) > 0
                ? Check.down("last poll " + gap.toMillis() + " ms ago (allowed: " + maxPollGap.toMillis() + " ms)")
                : Check.up("last poll " + gap.toMillis() + " ms ago");
    }

    private Check lag() {
        try {
            var committed = admin.listConsumerGroupOffsets(groupId, new ListConsumerGroupOffsetsOptions()
                    .timeoutMs((int) timeout.toMillis())).partitionsToOffsetAndMetadata()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (committed.isEmpty()) {
                return Check.up("no committed offsets yet for group " + groupId);
            }
            var latest = new HashMap<TopicPartition, OffsetSpec>();
            committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest, new ListOffsetsOptions().timeoutMs((int) timeout.toMillis())).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            // Lag: records written that the group has not committed yet, over all its partitions.
            var lag = committed.entrySet().stream()
                    .mapToLong(entry -> ends.get(entry.getKey()).offset() - entry.getValue().offset()).sum();
            return lag > maxLag ? Check.down("lag " + lag + " records (allowed: " + maxLag + ")")
                    : Check.up("lag " + lag + " records");
        } catch (Exception e) {
            return Check.down("lag unknown: " + e);
        }
    }
}
