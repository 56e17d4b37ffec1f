package lab.week05;

import java.util.List;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import lab.week05.Order.Status;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static lab.kit.junit.LabAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

@WithKafka
@Tag("ex5.1")
@DisplayName("5.1 An event-sourced order")
class OrderAggregateTest {

    private static final OrderEvent.Placed PLACED = new OrderEvent.Placed("o-1", "ana", "sku-7", 2, 2_500);

    @Test
    @DisplayName("replay folds the events into the state, one version per event")
    void replayFolds() {
        var events = List.<OrderEvent>of(PLACED, new OrderEvent.Paid("o-1", 2_500), new OrderEvent.Shipped("o-1", "t-9"));

        var order = OrderAggregate.replay("o-1", events);

        assertThat(order).as("o-1 after placed, paid, shipped")
                .isEqualTo(new Order("o-1", Status.SHIPPED, "ana", "sku-7", 2, 2_500, 3));
        assertThat(OrderAggregate.replay("o-2", List.of())).as("an order without events").isEqualTo(Order.none("o-2"));
    }

    @Test
    @DisplayName("a command the rules allow becomes an event")
    void commandsBecomeEvents() {
        var placed = OrderAggregate.replay("o-1", List.of(PLACED));

        assertThat(OrderAggregate.decide(Order.none("o-1"), new OrderCommand.Place("o-1", "ana", "sku-7", 2, 2_500)))
                .as("Place on a new order").containsExactly(PLACED);
        assertThat(OrderAggregate.decide(placed, new OrderCommand.Pay("o-1", 2_500))).as("Pay the exact amount")
                .containsExactly(new OrderEvent.Paid("o-1", 2_500));
        assertThat(OrderAggregate.decide(placed, new OrderCommand.Cancel("o-1", "changed my mind")))
                .as("Cancel a placed order").containsExactly(new OrderEvent.Cancelled("o-1", "changed my mind"));
    }

    @Test
    @DisplayName("the rules refuse what the state does not allow, and say which rule")
    void rulesRefuse() {
        var placed = OrderAggregate.replay("o-1", List.of(PLACED));
        var shipped = OrderAggregate.replay("o-1", List.of(PLACED, new OrderEvent.Paid("o-1", 2_500),
                new OrderEvent.Shipped("o-1", "t-9")));

        assertFails("Ship an unpaid order (a message like 'o-1 is PLACED: only a paid order ships')",
                () -> OrderAggregate.decide(placed, new OrderCommand.Ship("o-1", "t-1")))
                .isInstanceOf(OrderRuleException.class).hasMessageContaining("paid");
        assertFails("Pay the wrong amount (a message that names the amount due, 2500)",
                () -> OrderAggregate.decide(placed, new OrderCommand.Pay("o-1", 100)))
                .isInstanceOf(OrderRuleException.class).hasMessageContaining("2500");
        assertFails("Cancel a shipped order (a message that names its status, SHIPPED)",
                () -> OrderAggregate.decide(shipped, new OrderCommand.Cancel("o-1", "too late")))
                .isInstanceOf(OrderRuleException.class).hasMessageContaining("SHIPPED");
        assertFails("Place an order twice (a message like 'o-1 already exists')",
                () -> OrderAggregate.decide(placed, new OrderCommand.Place("o-1", "ana", "sku-7", 2, 2_500)))
                .isInstanceOf(OrderRuleException.class).hasMessageContaining("exists");
    }

    @Test
    @DisplayName("on the broker: the order service keeps nothing but events, and rebuilds each order from them")
    void rebuiltFromTheLog(KafkaLab kafka) throws Exception {
        var store = Stores.eventStore(kafka, 1);
        var service = new OrderService(store);
        service.handle(new OrderCommand.Place("o-1", "ana", "sku-7", 2, 2_500));
        service.handle(new OrderCommand.Place("o-2", "ben", "sku-1", 1, 900));
        service.handle(new OrderCommand.Pay("o-1", 2_500));
        service.handle(new OrderCommand.Cancel("o-2", "out of budget"));

        var shipped = service.handle(new OrderCommand.Ship("o-1", "t-9"));
        var rebuilt = new OrderService(Stores.eventStore(kafka, store.topic()));

        assertThat(shipped).as("o-1 after place, pay, ship").extracting(Order::status, Order::version)
                .containsExactly(Status.SHIPPED, 3);
        assertThat(store.load("o-2")).extracting(EventStore.Stored::event).as("o-2's events, on the same partition as o-1's")
                .containsExactly(new OrderEvent.Placed("o-2", "ben", "sku-1", 1, 900),
                        new OrderEvent.Cancelled("o-2", "out of budget"));
        assertFails("a new service instance, with only the log: paying the cancelled o-2",
                () -> rebuilt.handle(new OrderCommand.Pay("o-2", 900)))
                .isInstanceOf(OrderRuleException.class).hasMessageContaining("CANCELLED");
    }
}
