package lab.week07;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Exercise 7.14: how soon a group notices a member that died without a word (kill -9, a pulled cable).
 * Until it does, that member's partitions are read by nobody. Who decides "how soon" depends on the
 * group protocol: under the classic protocol each client asks for its own session; under the consumer
 * protocol (KIP-848, {@code group.protocol=consumer}) the broker owns it, per group.
 */
public final class DeadMemberDetection {

    private DeadMemberDetection() {
    }

    /**
     * Consumer settings (added to the lab's) for a classic-protocol member whose death its group notices
     * within {@code within}, with heartbeats frequent enough that a slow moment does not cost a live
     * member its place.
     */
    public static Map<String, Object> classicMember(Duration within) {
        // A third of the session: two heartbeats may go missing before a live member is thrown out.
        return Map.of(ConsumerConfig.GROUP_PROTOCOL_CONFIG, GroupProtocol.CLASSIC.name().toLowerCase(),
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) within.toMillis(),
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) within.toMillis() / 3);
    }

    /** Consumer settings for a member of a consumer-protocol group: what the client may still set. */
    public static Map<String, Object> consumerProtocolMember() {
        return Map.of(ConsumerConfig.GROUP_PROTOCOL_CONFIG, GroupProtocol.CONSUMER.name().toLowerCase());
    }

    /**
     * Makes the broker notice a dead member of the consumer-protocol group {@code groupId} within
     * {@code within}, for that group alone, on a running cluster.
     */
    public static void tuneGroup(Admin admin, String groupId, Duration within) {
        var group = new ConfigResource(ConfigResource.Type.GROUP, groupId);
        var session = within.toMillis();
        var changes = List.of(
                new AlterConfigOp(new ConfigEntry("consumer.session.timeout.ms", Long.toString(session)), AlterConfigOp.OpType.SET),
                new AlterConfigOp(new ConfigEntry("consumer.heartbeat.interval.ms", Long.toString(session / 3)),
                        AlterConfigOp.OpType.SET));
        try {
            admin.incrementalAlterConfigs(Map.of(group, changes)).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("The broker refused the settings of group " + groupId + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while setting group " + groupId, e);
        }
    }
}
