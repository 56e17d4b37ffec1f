package lab.week05;

import java.util.List;
import java.util.Map;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static lab.week05.SagaRig.DECLINED;
import static lab.week05.SagaRig.IN_STOCK;
import static lab.week05.SagaRig.NO_STOCK;
import static lab.week05.SagaRig.OK;
import static org.assertj.core.api.Assertions.assertThat;

@WithKafka
@Tag("ex5.4")
@DisplayName("5.4 A saga by choreography: services react to each other's events")
class ChoreographyTest {

    private final SagaTopics topics = new SagaTopics("");

    @Test
    @DisplayName("inventory: order.created becomes inventory.reserved, or inventory.rejected with the reason")
    void inventoryReserves() {
        var stock = new Stock(Map.of(IN_STOCK, 5));

        var reserved = Choreography.inventory(record(topics.orderCreated(), OK), stock, topics);
        var rejected = Choreography.inventory(record(topics.orderCreated(), NO_STOCK), stock, topics);

        assertThat(reserved).as("answer to o-1's order.created (sku-1 in stock)").singleElement()
                .satisfies(answer -> assertThat(answer.topic()).isEqualTo(topics.inventoryReserved()))
                .satisfies(answer -> assertThat(typeOf(answer)).as("its message type").isEqualTo("inventory.reserved"));
        assertThat(stock.available(IN_STOCK)).as("sku-1 left after reserving 2 of 5").isEqualTo(3);
        assertThat(rejected).as("answer to o-3's order.created (sku-2 sold out)").singleElement()
                .satisfies(answer -> assertThat(answer.topic()).isEqualTo(topics.inventoryRejected()))
                .satisfies(answer -> assertThat(typeOf(answer)).as("its message type").isEqualTo("inventory.rejected"))
                .satisfies(answer -> assertThat(SagaMessage.of(answer.value()).reason())
                        .as("its reason (out of stock, for the customer)").contains("out of stock"));
    }

    @Test
    @DisplayName("payment declined: payment.failed, and inventory compensates by releasing the reservation")
    void compensation() {
        var stock = new Stock(Map.of(IN_STOCK, 5));
        var gateway = new PaymentGateway(SagaRig.CARD_LIMIT);
        Choreography.inventory(record(topics.orderCreated(), DECLINED), stock, topics);

        var failed = Choreography.payment(record(topics.inventoryReserved(), DECLINED.as("inventory.reserved")), gateway,
                topics);
        var released = Choreography.inventory(record(topics.paymentFailed(), SagaMessage.of(failed.get(0).value())),
                stock, topics);

        assertThat(failed).extracting(ProducerRecord::topic).as("payment's answer to a charge over the limit")
                .containsExactly(topics.paymentFailed());
        assertThat(failed).extracting(ChoreographyTest::typeOf).as("its message type").containsExactly("payment.failed");
        assertThat(released).extracting(ProducerRecord::topic).as("inventory's answer to payment.failed")
                .containsExactly(topics.inventoryReleased());
        assertThat(released).extracting(ChoreographyTest::typeOf).as("its message type (the order service's board "
                + "reads it)").containsExactly("inventory.released");
        assertThat(released).extracting(answer -> SagaMessage.of(answer.value()).reason())
                .as("its reason: the failure's, kept for the customer").containsExactly("payment declined");
        assertThat(stock.available(IN_STOCK)).as("sku-1 after the reservation was released").isEqualTo(5);
        assertThat(Choreography.payment(record(topics.orderCreated(), OK), gateway, topics))
                .as("payment's answer to an event it does not handle").isEmpty();
    }

    @Test
    @DisplayName("on the broker: o-1 shipped, o-2 compensated after the payment failed, o-3 rejected")
    void endToEnd(KafkaLab kafka) throws Exception {
        try (var rig = new SagaRig(kafka)) {
            var t = rig.topics;
            rig.start("inventory", List.of(t.orderCreated(), t.paymentFailed()),
                    event -> Choreography.inventory(event, rig.stock, t));
            rig.start("payment", List.of(t.inventoryReserved()), event -> Choreography.payment(event, rig.gateway, t));
            rig.start("fulfillment", List.of(t.paymentCompleted()), event -> SagaServices.fulfillment(event, t));
            rig.start("orders", List.of(t.orderShipped(), t.inventoryRejected(), t.inventoryReleased()), rig.board::on);

            rig.placeAll();
            rig.awaitOutcomes();

            assertThat(rig.board.status("o-1")).as("o-1 (in stock, within the card limit)").isEqualTo("SHIPPED");
            assertThat(rig.board.status("o-2")).as("o-2 (over the card limit)").isEqualTo("CANCELLED: payment declined");
            assertThat(rig.board.status("o-3")).as("o-3 (sold out)").isEqualTo("CANCELLED: out of stock");
            assertThat(rig.stock.available(IN_STOCK)).as("sku-1 stock: 5, minus o-1's 2; o-2's 1 was released")
                    .isEqualTo(3);
            assertThat(rig.gateway.wasCharged("o-2")).as("o-2 charged").isFalse();
        }
    }

    private static ConsumerRecord<String, String> record(String topic, SagaMessage message) {
        return new ConsumerRecord<>(topic, 0, 0L, message.orderId(), Json.write(message));
    }

    private static String typeOf(ProducerRecord<String, String> answer) {
        return SagaMessage.of(answer.value()).type();
    }
}
