package lab.week05;

import java.util.concurrent.ExecutionException;

/**
 * Exercise 5.2: load orders from the latest snapshot plus the events after it. Without snapshots, every
 * load reads the order's whole partition from offset 0, and that grows with every order ever placed.
 * With them, a load reads only what came after the snapshot, and saves a new snapshot once that has
 * grown to {@code snapshotEvery} records.
 */
public final class SnapshottingRepository {

    private final EventStore events;
    private final SnapshotStore snapshots;
    private final int snapshotEvery;

    public SnapshottingRepository(EventStore events, SnapshotStore snapshots, int snapshotEvery) {
        this.events = events;
        this.snapshots = snapshots;
        this.snapshotEvery = snapshotEvery;
    }

    /** The order's current state: its latest snapshot with the events after it applied. */
    public Order load(String orderId) throws ExecutionException, InterruptedException {
        var snapshot = snapshots.latest(orderId).orElse(new Snapshot(Order.none(orderId), 0));
        // Read on from where the snapshot stops: it already holds every earlier event of this order.
        var history = events.loadFrom(orderId, snapshot.coversUpTo());
        var state = snapshot.state();
        for (var stored : history.events()) {
            state = OrderAggregate.apply(state, stored.event());
        }
        // Snapshot when the read was long: the next load starts at this end offset instead.
        if (history.recordsScanned() >= snapshotEvery) {
            snapshots.save(new Snapshot(state, history.endOffset()));
        }
        return state;
    }
}
