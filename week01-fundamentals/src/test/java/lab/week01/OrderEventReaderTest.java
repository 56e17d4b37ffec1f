package lab.week01;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@WithKafka
@Tag("ex1.3")
@DisplayName("1.3 Reading order events back")
class OrderEventReaderTest {

    private static final List<OrderEvent> ORDER_FLOW = List.of(
            new OrderEvent(EventType.ORDER_CREATED, "o-7", "1 x grinder"),
            new OrderEvent(EventType.PAYMENT_PROCESSED, "o-7", "card, 89.00 EUR"),
            new OrderEvent(EventType.INVENTORY_UPDATED, "o-7", "grinder -1"));

    @Test
    @DisplayName("a new group reads the events published before it started")
    void readsEarlierEvents(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 1);
        publish(kafka, topic, ORDER_FLOW);

        try (var reader = new OrderEventReader(kafka.bootstrapServers(), kafka.uniqueName("analytics"), topic)) {
            var events = LabAwait.collect("3 order events", () -> reader.poll(Duration.ofMillis(200)), 3,
                    "None came? A new group starts at auto.offset.reset, whose default 'latest' skips earlier events."
                            + " Did the reader subscribe to the topic?");

            assertThat(events).as("events read, in order").containsExactlyElementsOf(ORDER_FLOW);
        }
    }

    @Test
    @DisplayName("a poll with nothing new returns an empty list, not null")
    void emptyPoll(KafkaLab kafka) {
        var topic = kafka.createTopic("quiet", 1);

        try (var reader = new OrderEventReader(kafka.bootstrapServers(), kafka.uniqueName("analytics"), topic)) {
            var events = reader.poll(Duration.ofMillis(200));

            assertThat(events).as("poll() on an empty topic").isNotNull().isEmpty();
        }
    }

    @Test
    @DisplayName("close() takes the reader out of its group at once")
    void closeLeavesTheGroup(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 1);
        var group = kafka.uniqueName("analytics");
        var reader = new OrderEventReader(kafka.bootstrapServers(), group, topic);
        // A consumer joins its group while it polls; until then the group may not exist.
        LabAwait.until("the reader as a member of " + group)
                .ignoreExceptionsMatching(e -> e.getCause() instanceof GroupIdNotFoundException).until(() -> {
            reader.poll(Duration.ofMillis(200));
            return !members(kafka, group).isEmpty();
        });

        reader.close();

        var members = members(kafka, group);
        assertThat(members).as("members of the reader's group after close(): closing the consumer leaves the group"
                + " at once; a consumer never closed stays a member until its session times out").isEmpty();
    }

    private static Collection<MemberDescription> members(KafkaLab kafka, String group) throws Exception {
        return kafka.admin().describeConsumerGroups(List.of(group)).all().get().get(group).members();
    }

    private static void publish(KafkaLab kafka, String topic, List<OrderEvent> events) throws Exception {
        kafka.produce(events.stream().map(event -> new ProducerRecord<>(topic, event.orderId(), OrderEventJson.toJson(event))).toList());
    }
}
