package lab.week01;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import lab.kit.junit.Intercept;
import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@WithKafka
@Tag("ex1.5")
@DisplayName("1.5 Two consumer groups on one topic")
class ConsumerGroupsTest {

    private static final Duration WAIT = LabAwait.TIMEOUT;
    private static final int EMPTY_POLLS = 20;

    @Test
    @DisplayName("each group reads every record")
    void eachGroupReadsEverything(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 3);
        produce(kafka, topic, 0, 6);

        var inventory = ConsumerGroups.readAndCommit(consumerIn(kafka, kafka.uniqueName("inventory")), topic, 6, WAIT);
        var analytics = ConsumerGroups.readAndCommit(consumerIn(kafka, kafka.uniqueName("analytics")), topic, 6, WAIT);

        assertThat(inventory).extracting(ConsumerRecord::value).as("read by the inventory group")
                .containsExactlyInAnyOrder("event-0", "event-1", "event-2", "event-3", "event-4", "event-5");
        assertThat(analytics).extracting(ConsumerRecord::value).as("read by the analytics group, after inventory")
                .containsExactlyInAnyOrder("event-0", "event-1", "event-2", "event-3", "event-4", "event-5");
    }

    @Test
    @DisplayName("committed offsets belong to a group: one that never read has none")
    void offsetsArePerGroup(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 1);
        produce(kafka, topic, 0, 6);
        var reader = kafka.uniqueName("inventory");
        var idle = kafka.uniqueName("analytics");

        ConsumerGroups.readAndCommit(consumerIn(kafka, reader), topic, 6, WAIT);

        assertThat(ConsumerGroups.committedOffsets(kafka.admin(), reader))
                .as("the reading group's committed offset: the next offset to read, 6")
                .containsExactlyEntriesOf(Map.of(new TopicPartition(topic, 0), 6L));
        assertThat(ConsumerGroups.committedOffsets(kafka.admin(), idle)).as("offsets of a group that never read").isEmpty();
    }

    @Test
    @DisplayName("a group that comes back resumes after what it committed")
    void groupResumes(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 1);
        var group = kafka.uniqueName("inventory");
        produce(kafka, topic, 0, 4);
        try (var first = consumerIn(kafka, group)) {
            ConsumerGroups.readAndCommit(first, topic, 4, WAIT);
        } // closing leaves the group at once, so the next member need not wait for it
        produce(kafka, topic, 4, 2);

        var second = ConsumerGroups.readAndCommit(consumerIn(kafka, group), topic, 2, WAIT);

        assertThat(second).extracting(ConsumerRecord::value)
                .as("a new member of the group reads only what came after the commit: did readAndCommit commit?")
                .containsExactly("event-4", "event-5");
    }

    @Test
    @DisplayName("records that come only after some empty polls are still read")
    void keepsPollingUntilCountOrDeadline(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 1);
        produce(kafka, topic, 0, 3);
        // The first polls bring nothing, as they do while a group forms on a busy cluster.
        var consumer = firstPollsEmpty(consumerIn(kafka, kafka.uniqueName("inventory")), EMPTY_POLLS);

        var read = ConsumerGroups.readAndCommit(consumer, topic, 3, WAIT);

        assertThat(read).extracting(ConsumerRecord::value).as("records that come after polls that brought nothing (the"
                + " first %d polls here): poll in a loop until count records or the deadline, not once and not a fixed"
                + " number of times", EMPTY_POLLS).containsExactlyInAnyOrder("event-0", "event-1", "event-2");
    }

    /** The consumer, whose first {@code empty} polls return no records without asking the broker. */
    @SuppressWarnings("unchecked") // the stand-in is of the raw interface
    private static Consumer<String, String> firstPollsEmpty(Consumer<String, String> consumer, int empty) {
        var polls = new AtomicInteger();
        return Intercept.of(Consumer.class, consumer, call ->
                call.named("poll") && polls.incrementAndGet() <= empty ? ConsumerRecords.empty() : call.proceed());
    }

    /** A consumer in {@code group} that never commits by itself (no auto-commit): what is committed, readAndCommit committed. */
    private static KafkaConsumer<String, String> consumerIn(KafkaLab kafka, String group) {
        return kafka.newConsumer(kafka.manualCommitConfig(group));
    }

    private static void produce(KafkaLab kafka, String topic, int from, int count) throws Exception {
        kafka.produce(IntStream.range(from, from + count).mapToObj(i -> new ProducerRecord<>(topic, "o-" + i, "event-" + i)).toList());
    }
}
