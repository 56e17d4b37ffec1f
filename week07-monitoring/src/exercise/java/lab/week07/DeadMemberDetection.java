package lab.week07;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;

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
        // TODO 7.14: the classic protocol's settings, in the client.
        throw new UnsupportedOperationException("Exercise 7.14 not done yet: see HINTS.md#714");
    }

    /** Consumer settings for a member of a consumer-protocol group: what the client may still set. */
    public static Map<String, Object> consumerProtocolMember() {
        // TODO 7.14: choose the protocol; the timeouts are not the client's to set any more.
        throw new UnsupportedOperationException("Exercise 7.14 not done yet: see HINTS.md#714");
    }

    /**
     * Makes the broker notice a dead member of the consumer-protocol group {@code groupId} within
     * {@code within}, for that group alone, on a running cluster.
     */
    public static void tuneGroup(Admin admin, String groupId, Duration within) {
        // TODO 7.14: the group's own configuration, through the Admin API.
        throw new UnsupportedOperationException("Exercise 7.14 not done yet: see HINTS.md#714");
    }
}
