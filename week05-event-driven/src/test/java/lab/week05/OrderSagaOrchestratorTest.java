package lab.week05;

import java.util.ArrayList;
import java.util.List;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import lab.week05.OrderSagaOrchestrator.Step;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static lab.week05.SagaRig.DECLINED;
import static lab.week05.SagaRig.IN_STOCK;
import static lab.week05.SagaRig.OK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@WithKafka
@Tag("ex5.5")
@DisplayName("5.5 A saga by orchestration: one orchestrator sends commands and handles replies")
class OrderSagaOrchestratorTest {

    private final SagaTopics topics = new SagaTopics("");

    @Test
    @DisplayName("the happy path: reserve, charge, ship, then order.shipped")
    void happyPath() {
        var saga = new OrderSagaOrchestrator(topics);

        var sent = new ArrayList<ProducerRecord<String, String>>(saga.start(OK));
        sent.addAll(saga.onReply(OK.as("reserved")));
        sent.addAll(saga.onReply(OK.as("charged")));
        sent.addAll(saga.onReply(OK.as("shipped")));

        assertThat(sent).extracting(ProducerRecord::topic, r -> SagaMessage.of(r.value()).type())
                .as("what the orchestrator sent, step by step")
                .containsExactly(tuple(topics.inventoryCommands(), "reserve"), tuple(topics.paymentCommands(), "charge"),
                        tuple(topics.fulfillmentCommands(), "ship"), tuple(topics.orderShipped(), "order.shipped"));
        assertThat(saga.step("o-1")).as("step of o-1 at the end").isEqualTo(Step.DONE);
    }

    @Test
    @DisplayName("payment declined: the orchestrator compensates (release), then cancels the order")
    void compensates() {
        var saga = new OrderSagaOrchestrator(topics);
        saga.start(DECLINED);
        saga.onReply(DECLINED.as("reserved"));

        var compensation = saga.onReply(DECLINED.as("declined").because("payment declined"));
        var stepWhileCompensating = saga.step("o-2");
        var end = saga.onReply(DECLINED.as("released").because("payment declined"));

        assertThat(compensation).extracting(ProducerRecord::topic, r -> SagaMessage.of(r.value()).type())
                .as("answer to 'declined'").containsExactly(tuple(topics.inventoryCommands(), "release"));
        assertThat(stepWhileCompensating).as("step after 'declined'").isEqualTo(Step.COMPENSATING);
        assertThat(end).singleElement().satisfies(r -> assertThat(r.topic()).isEqualTo(topics.orderCancelled()))
                .satisfies(r -> assertThat(SagaMessage.of(r.value()).reason()).as("reason on order.cancelled")
                        .isEqualTo("payment declined"));
        assertThat(saga.step("o-2")).as("step at the end").isEqualTo(Step.CANCELLED);
    }

    @Test
    @DisplayName("a duplicate or out-of-step reply changes nothing")
    void ignoresDuplicates() {
        var saga = new OrderSagaOrchestrator(topics);
        saga.start(OK);
        saga.onReply(OK.as("reserved"));

        var duplicate = saga.onReply(OK.as("reserved"));
        var outOfStep = saga.onReply(OK.as("shipped"));
        var restarted = saga.start(OK);

        assertThat(duplicate).as("answer to a second 'reserved'").isEmpty();
        assertThat(outOfStep).as("answer to 'shipped' while charging").isEmpty();
        assertThat(restarted).as("answer to starting o-1 again").isEmpty();
        assertThat(saga.step("o-1")).as("step of o-1").isEqualTo(Step.CHARGING);
    }

    @Test
    @DisplayName("on the broker: o-1 shipped, o-2 compensated, o-3 rejected, with the same services answering commands")
    void endToEnd(KafkaLab kafka) throws Exception {
        try (var rig = new SagaRig(kafka)) {
            var t = rig.topics;
            var saga = new OrderSagaOrchestrator(t);
            rig.start("orchestrator", List.of(t.orderCreated(), t.sagaReplies()), record -> record.topic()
                    .equals(t.orderCreated()) ? saga.start(SagaMessage.of(record.value()))
                    : saga.onReply(SagaMessage.of(record.value())));
            rig.start("inventory", List.of(t.inventoryCommands()),
                    command -> SagaServices.inventoryCommands(command, rig.stock, t));
            rig.start("payment", List.of(t.paymentCommands()),
                    command -> SagaServices.paymentCommands(command, rig.gateway, t));
            rig.start("fulfillment", List.of(t.fulfillmentCommands()), command -> SagaServices.fulfillmentCommands(command, t));
            rig.start("orders", List.of(t.orderShipped(), t.orderCancelled()), rig.board::on);

            rig.placeAll();
            rig.awaitOutcomes();

            assertThat(rig.board.status("o-1")).as("o-1").isEqualTo("SHIPPED");
            assertThat(rig.board.status("o-2")).as("o-2").isEqualTo("CANCELLED: payment declined");
            assertThat(rig.board.status("o-3")).as("o-3").isEqualTo("CANCELLED: out of stock");
            assertThat(List.of(saga.step("o-1"), saga.step("o-2"), saga.step("o-3"))).as("the orchestrator's steps")
                    .containsExactly(Step.DONE, Step.CANCELLED, Step.CANCELLED);
            assertThat(rig.stock.available(IN_STOCK)).as("sku-1 stock after o-2's reservation was released").isEqualTo(3);
        }
    }
}
