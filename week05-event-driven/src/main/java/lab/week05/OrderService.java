package lab.week05;

import java.util.concurrent.ExecutionException;

/**
 * The command side of the order service (given): load the order's events, rebuild its state, let the
 * aggregate decide (5.1), append what it decided. Nothing else is stored: the events are the order.
 */
public final class OrderService {

    private final EventStore store;

    public OrderService(EventStore store) {
        this.store = store;
    }

    /** Handles {@code command} and returns the order's new state; throws {@link OrderRuleException} if refused. */
    public Order handle(OrderCommand command) throws ExecutionException, InterruptedException {
        var history = store.load(command.orderId()).stream().map(EventStore.Stored::event).toList();
        var state = OrderAggregate.replay(command.orderId(), history);
        var decided = OrderAggregate.decide(state, command);
        store.append(decided);
        var now = state;
        for (var event : decided) {
            now = OrderAggregate.apply(now, event);
        }
        return now;
    }
}
