package lab.week02;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static lab.kit.junit.LabAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

@WithKafka
@Tag("ex2.7")
@DisplayName("2.7 Idempotent handling of duplicates")
class DeduplicatingHandlerTest {

    @Test
    @DisplayName("an event sent twice (an application-level retry) takes effect once")
    void duplicateTakesEffectOnce(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("payments", 1);
        var producer = kafka.newProducer();
        for (var event : List.of("pay-1", "pay-2", "pay-2", "pay-3")) {   // pay-2 sent again: its ack seemed lost
            producer.send(withId(topic, event)).get();
        }
        var charged = new ArrayList<String>();
        var handler = new DeduplicatingHandler(record -> charged.add(eventId(record)));

        kafka.readAll(topic, 4).forEach(handler);

        assertThat(charged).as("payments charged: pay-2 is in the log twice, but must be charged once")
                .containsExactly("pay-1", "pay-2", "pay-3");
        assertThat(handler.duplicates()).as("duplicates skipped").isEqualTo(1);
    }

    @Test
    @DisplayName("a record without an event id is refused, saying which header is missing")
    void refusesRecordWithoutId(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("payments", 1);
        kafka.newProducer().send(new ProducerRecord<>(topic, "customer-1", "no id")).get();
        var handler = new DeduplicatingHandler(record -> { });
        var record = kafka.readAll(topic, 1).get(0);

        assertFails("a record without an event-id header must be refused: without an id a duplicate cannot be told "
                + "from a new event", () -> handler.accept(record))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Orders.EVENT_ID_HEADER);
    }

    private static ProducerRecord<String, String> withId(String topic, String eventId) {
        var record = new ProducerRecord<>(topic, "customer-1", "charge 10.00 EUR");
        record.headers().add(Orders.EVENT_ID_HEADER, eventId.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static String eventId(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader(Orders.EVENT_ID_HEADER).value(), StandardCharsets.UTF_8);
    }
}
