package lab.kit.broker;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;


/**
 * Waits until a just-created topic can be written safely. Creating a topic completes when the controller
 * has stored it; brokers learn of it a moment later (until then they answer UNKNOWN_TOPIC_OR_PARTITION),
 * and a leader may be named in the metadata a moment before it has opened the partition's log. A produce
 * in that moment fails with NOT_LEADER_OR_FOLLOWER and is retried; with idempotence, a later batch can
 * land first, and the retried one is then refused as out of sequence until the delivery timeout
 * (KAFKA-15591). Asking each leader for the partition's end offset proves it serves the partition.
 */
public final class TopicReadiness {

    private static final Duration POLL = Duration.ofMillis(100);

    private TopicReadiness() {
    }

    /** Returns once every partition of {@code topic} has a leader that serves it; fails after {@code timeout}. */
    public static void await(Admin admin, String topic, String where, Duration timeout) {
        Awaitility.await("topic " + topic + " ready on " + where).atMost(timeout).pollInSameThread()
                .pollDelay(Duration.ZERO).pollInterval(POLL).ignoreExceptions()
                .until(() -> leadersServe(admin, topic));
    }

    private static boolean leadersServe(Admin admin, String topic) throws Exception {
        var description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        if (!description.partitions().stream().allMatch(partition -> partition.leader() != null)) {
            return false;
        }
        var latest = new HashMap<TopicPartition, OffsetSpec>();
        description.partitions().forEach(partition -> latest.put(new TopicPartition(topic, partition.partition()),
                OffsetSpec.latest()));
        admin.listOffsets(latest).all().get(); // answered by each partition's leader
        return true;
    }
}
