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
        // TODO 5.2: start from the latest snapshot (none: Order.none and offset 0); read the events from where
        //           it stops (events.loadFrom); apply them (5.1). If that read scanned snapshotEvery records or
        //           more, save a new snapshot covering up to the read's end offset.
        throw new UnsupportedOperationException("Exercise 5.2 not done yet: see HINTS.md#52");
    }
}
