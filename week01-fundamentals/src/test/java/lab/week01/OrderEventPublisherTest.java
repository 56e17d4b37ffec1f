package lab.week01;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@WithKafka
@Tag("ex1.2")
@DisplayName("1.2 Publishing order events")
class OrderEventPublisherTest {

    private static final OrderEvent CREATED = new OrderEvent(EventType.ORDER_CREATED, "o-1", "2 x coffee beans");
    private static final OrderEvent PAID = new OrderEvent(EventType.PAYMENT_PROCESSED, "o-1", "card, 18.00 EUR");
    private static final OrderEvent RESERVED = new OrderEvent(EventType.INVENTORY_UPDATED, "o-1", "beans -2");

    @Test
    @DisplayName("the record key is the order id and the value the event as JSON")
    void keyAndValue(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 3);
        var publisher = new OrderEventPublisher(kafka.newProducer(), topic);

        publisher.publish(CREATED);

        var record = kafka.readAll(topic, 1).get(0);
        assertThat(record.key()).as("record key: the order id keeps one order's events together").isEqualTo("o-1");
        assertThat(OrderEventJson.fromJson(record.value())).as("record value, read back as JSON").isEqualTo(CREATED);
    }

    @Test
    @DisplayName("the event type travels in the event-type header")
    void typeHeader(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 1);
        var publisher = new OrderEventPublisher(kafka.newProducer(), topic);

        publisher.publish(PAID);

        var header = kafka.readAll(topic, 1).get(0).headers().lastHeader(OrderEvent.TYPE_HEADER);
        assertThat(header).as("a header named '%s' on the record", OrderEvent.TYPE_HEADER).isNotNull();
        assertThat(new String(header.value(), StandardCharsets.UTF_8)).isEqualTo("payment.processed");
    }

    @Test
    @DisplayName("one order's events land on one partition, in the order they were published")
    void oneOrderOnePartitionInOrder(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 3);
        var publisher = new OrderEventPublisher(kafka.newProducer(), topic);
        var stored = new ArrayList<RecordMetadata>();

        for (var event : List.of(CREATED, PAID, RESERVED)) {
            stored.add(publisher.publish(event));
        }

        assertThat(stored).as("publish() returns where the broker stored each event").doesNotContainNull();
        assertThat(stored).extracting(RecordMetadata::partition).as("partitions of o-1's events").containsOnly(stored.get(0).partition());
        assertThat(kafka.readAll(topic, 3)).extracting(ConsumerRecord::value).extracting(OrderEventJson::fromJson)
                .as("o-1's events as read back").containsExactly(CREATED, PAID, RESERVED);
    }

    @Test
    @DisplayName("the producer chooses the partition from the key: many orders spread over the partitions")
    void ordersSpreadOverPartitions(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 3);
        var publisher = new OrderEventPublisher(kafka.newProducer(), topic);
        var partitions = new TreeSet<Integer>();

        for (int order = 1; order <= 20; order++) {
            partitions.add(publisher.publish(new OrderEvent(EventType.ORDER_CREATED, "o-" + order, "1 x tea")).partition());
        }

        assertThat(partitions).as("partitions used by 20 different orders on a 3-partition topic: one partition for all"
                + " means the partition is chosen by hand; leave it to the producer, which hashes the key").hasSizeGreaterThan(1);
    }
}
