package lab.week05;

import java.util.List;

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
        // TODO 5.1: Placed sets every field and PLACED; Paid, Shipped, Cancelled change the status.
        //           Every event adds one to the version.
        throw new UnsupportedOperationException("Exercise 5.1 not done yet: see HINTS.md#51");
    }

    /** The state of {@code orderId} after all of {@code events}, oldest first. */
    public static Order replay(String orderId, List<OrderEvent> events) {
        // TODO 5.1: start from Order.none(orderId) and apply each event.
        throw new UnsupportedOperationException("Exercise 5.1 not done yet: see HINTS.md#51");
    }

    /**
     * The events {@code command} leads to from {@code state}.
     *
     * @throws OrderRuleException when the rules refuse it, saying which rule
     */
    public static List<OrderEvent> decide(Order state, OrderCommand command) {
        // TODO 5.1: Place only a new order (quantity > 0); Pay only a PLACED order, the exact amount; Ship only a
        //           PAID order; Cancel only a PLACED or PAID one. Refuse with OrderRuleException naming the order,
        //           its status and the rule (a wrong payment names the amount due; a second Place says the
        //           order already exists).
        throw new UnsupportedOperationException("Exercise 5.1 not done yet: see HINTS.md#51");
    }
}
