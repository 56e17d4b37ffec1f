package lab.week02;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.consumer.RoundRobinAssignor;
import org.apache.kafka.clients.consumer.StickyAssignor;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * All members are polled in turn on the test thread: a member takes part in a rebalance only while it
 * polls, which is also why a consumer that stops polling stalls (classic) or loses (new protocol) its
 * partitions.
 */
@WithKafka
@Tag("ex2.3")
@DisplayName("2.3 Consumer groups and rebalancing")
class RebalanceTest {

    private static final Duration POLL = Duration.ofMillis(50);
    private static final Set<Integer> ALL = Set.of(0, 1, 2);

    @Test
    @DisplayName("three partitions divide among four members; the fourth sits idle")
    void partitionsDivideAmongMembers(KafkaLab kafka) {
        var topic = kafka.createTopic("orders", 3);
        var group = new Group(kafka, topic, "consumer", null);

        var members = IntStream.range(0, 4).mapToObj(i -> group.join()).toList();

        group.pollUntilBalanced();
        assertThat(members).as("members without a partition").filteredOn(m -> m.owned().isEmpty()).hasSize(1);
    }

    @Test
    @DisplayName("eager (range, classic protocol): a new member makes the first give up all it owned")
    void eagerRevokesEverything(KafkaLab kafka) {
        var topic = kafka.createTopic("orders", 3);
        var group = new Group(kafka, topic, "classic", RangeAssignor.class);
        var first = group.join();
        group.pollUntilOwns(first, ALL, "the first member owns all 3 partitions");

        group.join();

        group.pollUntilBalanced();
        assertThat(first.revocations()).as("revocations seen by the first member (eager: all it owned, at once)")
                .contains(ALL);
    }

    @Test
    @DisplayName("eager round-robin and sticky assignors also make the first member give up everything")
    void otherEagerAssignors(KafkaLab kafka) {
        for (var assignor : List.of(RoundRobinAssignor.class, StickyAssignor.class)) {
            var group = new Group(kafka, kafka.createTopic("orders", 3), "classic", assignor);
            var first = group.join();
            group.pollUntilOwns(first, ALL, "the first member owns all 3 partitions");

            group.join();

            group.pollUntilBalanced();
            assertThat(first.revocations()).as("revocations seen by the first member with %s", assignor.getSimpleName())
                    .contains(ALL);
        }
    }

    @Test
    @DisplayName("cooperative-sticky (classic protocol): only the partitions that move are revoked")
    void cooperativeRevokesOnlyWhatMoves(KafkaLab kafka) {
        var topic = kafka.createTopic("orders", 3);
        var group = new Group(kafka, topic, "classic", CooperativeStickyAssignor.class);
        assertOnlyMovedPartitionsRevoked(group);
    }

    @Test
    @DisplayName("the consumer protocol (KIP-848): incremental too, the broker assigns")
    void consumerProtocolRevokesOnlyWhatMoves(KafkaLab kafka) {
        var topic = kafka.createTopic("orders", 3);
        var group = new Group(kafka, topic, "consumer", null);
        assertOnlyMovedPartitionsRevoked(group);
    }

    @Test
    @DisplayName("after an eager rebalance a member owns only its new assignment")
    void eagerRevocationIsRemoved() {
        var tracker = new AssignmentTracker();

        tracker.onPartitionsAssigned(partitions(0, 1, 2));
        tracker.onPartitionsRevoked(partitions(0, 1, 2));
        tracker.onPartitionsAssigned(partitions(1));

        assertThat(tracker.owned()).as("partitions owned after an eager rebalance: assigned [0, 1, 2], revoked "
                + "[0, 1, 2], assigned [1] (is a revoked partition removed from owned()?)").isEqualTo(Set.of(1));
        assertThat(tracker.revocations()).as("revocations after an eager rebalance").containsExactly(Set.of(0, 1, 2));
    }

    @Test
    @DisplayName("after a cooperative rebalance a member keeps what did not move")
    void cooperativeAssignmentAdds() {
        var tracker = new AssignmentTracker();

        tracker.onPartitionsAssigned(partitions(0, 1, 2));
        tracker.onPartitionsRevoked(partitions(2));
        tracker.onPartitionsAssigned(partitions());

        assertThat(tracker.owned()).as("partitions owned after a cooperative rebalance: assigned [0, 1, 2], revoked [2], "
                + "assigned [] (cooperative protocols pass only what was added: add to owned(), do not replace it)")
                .isEqualTo(Set.of(0, 1));
        assertThat(tracker.revocations()).as("revocations after a cooperative rebalance: only what was revoked, not "
                + "everything owned").containsExactly(Set.of(2));
    }

    private static List<TopicPartition> partitions(int... numbers) {
        return IntStream.of(numbers).mapToObj(number -> new TopicPartition("orders", number)).toList();
    }

    private static void assertOnlyMovedPartitionsRevoked(Group group) {
        var first = group.join();
        group.pollUntilOwns(first, ALL, "the first member owns all 3 partitions");

        group.join();

        group.pollUntilBalanced();
        assertThat(first.revocations()).as("revocations seen by the first member").doesNotContain(ALL);
        assertThat(first.owned()).as("the first member keeps what did not move").isNotEmpty().isSubsetOf(ALL);
    }

    /** Members of one consumer group, each with its own AssignmentTracker, polled in turn. */
    private static final class Group {
        private final KafkaLab kafka;
        private final String topic;
        private final String groupId;
        private final String protocol;
        private final Class<?> assignor;
        private final List<KafkaConsumer<String, String>> consumers = new ArrayList<>();
        private final List<AssignmentTracker> trackers = new ArrayList<>();

        Group(KafkaLab kafka, String topic, String protocol, Class<?> assignor) {
            this.kafka = kafka;
            this.topic = topic;
            this.groupId = kafka.uniqueName("inventory");
            this.protocol = protocol;
            this.assignor = assignor;
        }

        AssignmentTracker join() {
            var config = kafka.consumerConfig(groupId);
            config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, protocol);
            if (assignor != null) {
                config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, assignor.getName());
            }
            var consumer = kafka.newConsumer(config);
            var tracker = new AssignmentTracker();
            consumer.subscribe(List.of(topic), tracker);
            consumers.add(consumer);
            trackers.add(tracker);
            return tracker;
        }

        void pollUntilOwns(AssignmentTracker member, Set<Integer> partitions, String what) {
            LabAwait.until(what).untilAsserted(() -> {
                consumers.forEach(consumer -> consumer.poll(POLL));
                assertThat(member.owned()).as("partitions the member owns (owned() follows onPartitionsAssigned "
                        + "and onPartitionsRevoked)").isEqualTo(partitions);
            });
        }

        /** Polls until every partition has exactly one owner and no member owns more than its share. */
        void pollUntilBalanced() {
            var fairShare = (int) Math.ceil(3.0 / consumers.size());
            LabAwait.until("a balanced group").untilAsserted(() -> {
                consumers.forEach(consumer -> consumer.poll(POLL));
                var owned = trackers.stream().map(AssignmentTracker::owned).toList();
                assertThat(owned.stream().mapToInt(Set::size).sum())
                        .as("partitions owned per member %s: each of the 3 partitions exactly once", owned).isEqualTo(3);
                assertThat(owned.stream().flatMap(Set::stream).distinct().count()).as("distinct partitions owned %s", owned).isEqualTo(3);
                assertThat(owned).as("no member owns more than %d partition(s): %s", fairShare, owned)
                        .allSatisfy(set -> assertThat(set.size()).isLessThanOrEqualTo(fairShare));
            });
        }
    }
}
