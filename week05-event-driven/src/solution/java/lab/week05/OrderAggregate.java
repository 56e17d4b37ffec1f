package lab.week05;

import java.util.List;

import lab.week05.Order.Status;

/**
 * Exercise 5.1: an event-sourced order. Its state is never stored: it is rebuilt by folding its events,
 * oldest first ({@link #replay}). A command is checked against that state, and if the rules allow it,
 * the answer is new events ({@link #decide}); applying an event ({@link #apply}) never fails, because an
 * event is a fact that has already happened.
 */
public final class OrderAggregate {

    private OrderAggregate() {
    }

    /** The state after {@code event}: one step of the fold. Never refuses: events are facts. */
    public static Order apply(Order state, OrderEvent event) {
        var version = state.version() + 1;
        // Java 17: instanceof patterns (switch patterns over a sealed interface arrive in Java 21).
        if (event instanceof OrderEvent.Placed placed) {
            return new Order(placed.orderId(), Status.PLACED, placed.customer(), placed.sku(), placed.quantity(),
                    placed.amountCents(), version);
        }
        if (event instanceof OrderEvent.Paid) {
            return withStatus(state, Status.PAID, version);
        }
        if (event instanceof OrderEvent.Shipped) {
            return withStatus(state, Status.SHIPPED, version);
        }
        if (event instanceof OrderEvent.Cancelled) {
            return withStatus(state, Status.CANCELLED, version);
        }
        throw new IllegalArgumentException("Unknown event " + event);
    }

    /** The state of {@code orderId} after all of {@code events}, oldest first. */
    public static Order replay(String orderId, List<OrderEvent> events) {
        var state = Order.none(orderId);
        for (var event : events) {
            state = apply(state, event);
        }
        return state;
    }

    /**
     * The events {@code command} leads to from {@code state}.
     *
     * @throws OrderRuleException when the rules refuse it, saying which rule
     */
    public static List<OrderEvent> decide(Order state, OrderCommand command) {
        if (command instanceof OrderCommand.Place place) {
            require(state.status() == Status.NONE, state, "it already exists");
            require(place.quantity() > 0, state, "the quantity must be positive");
            return List.of(new OrderEvent.Placed(place.orderId(), place.customer(), place.sku(), place.quantity(),
                    place.amountCents()));
        }
        if (command instanceof OrderCommand.Pay pay) {
            require(state.status() == Status.PLACED, state, "only a placed order can be paid");
            require(pay.amountCents() == state.amountCents(), state,
                    "the payment of " + pay.amountCents() + " does not match the amount " + state.amountCents());
            return List.of(new OrderEvent.Paid(pay.orderId(), pay.amountCents()));
        }
        if (command instanceof OrderCommand.Ship ship) {
            require(state.status() == Status.PAID, state, "only a paid order can be shipped");
            return List.of(new OrderEvent.Shipped(ship.orderId(), ship.trackingId()));
        }
        if (command instanceof OrderCommand.Cancel cancel) {
            require(state.status() == Status.PLACED || state.status() == Status.PAID, state,
                    "only a placed or paid order can be cancelled");
            return List.of(new OrderEvent.Cancelled(cancel.orderId(), cancel.reason()));
        }
        throw new IllegalArgumentException("Unknown command " + command);
    }

    private static Order withStatus(Order state, Status status, int version) {
        return new Order(state.orderId(), status, state.customer(), state.sku(), state.quantity(), state.amountCents(),
                version);
    }

    private static void require(boolean rule, Order state, String reason) {
        if (!rule) {
            throw new OrderRuleException("Order " + state.orderId() + " (" + state.status() + "): " + reason);
        }
    }
}
