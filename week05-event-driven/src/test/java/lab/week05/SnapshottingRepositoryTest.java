package lab.week05;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import lab.week05.Order.Status;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@WithKafka
@Tag("ex5.2")
@DisplayName("5.2 Snapshots: load from the latest snapshot and the events after it")
class SnapshottingRepositoryTest {

    private static final int ORDERS = 150;

    @Test
    @DisplayName("a load gives the same state as replaying every event")
    void sameStateAsFullReplay(KafkaLab kafka) throws Exception {
        var events = historyOf150Orders(kafka);
        var repository = new SnapshottingRepository(events, snapshotStore(kafka), 50);

        var loaded = repository.load("o-7");

        var replayed = OrderAggregate.replay("o-7", events.load("o-7").stream().map(EventStore.Stored::event).toList());
        assertThat(loaded).as("o-7 loaded through snapshots vs replayed from every event").isEqualTo(replayed);
        assertThat(loaded.status()).as("o-7 was placed, then paid").isEqualTo(Status.PAID);
    }

    @Test
    @DisplayName("a long read leaves a snapshot; the next load reads only what came after it")
    void snapshotShortensTheNextLoad(KafkaLab kafka) throws Exception {
        var events = historyOf150Orders(kafka);
        var snapshots = snapshotStore(kafka);
        var repository = new SnapshottingRepository(events, snapshots, 50);

        var firstRead = recordsReadBy(events, () -> repository.load("o-7"));
        var snapshotAfterFirstRead = snapshots.latest("o-7");
        var secondRead = recordsReadBy(events, () -> repository.load("o-7"));
        events.append(List.of(new OrderEvent.Shipped("o-7", "t-1")));
        var afterShipping = new Order[1];
        var thirdRead = recordsReadBy(events, () -> afterShipping[0] = repository.load("o-7"));

        assertThat(firstRead).as("records read by the first load (no snapshot yet: the whole partition)")
                .isEqualTo(ORDERS + 1);
        assertThat(snapshotAfterFirstRead).as("snapshot of o-7 after a read of %d records (snapshotEvery 50)", firstRead)
                .hasValueSatisfying(snapshot -> assertThat(snapshot.coversUpTo()).as("offset it covers up to")
                        .isEqualTo(ORDERS + 1));
        assertThat(secondRead).as("records read by the second load (from the snapshot on)").isZero();
        assertThat(thirdRead).as("records read after one more event").isEqualTo(1);
        assertThat(afterShipping[0].status()).as("o-7 after the event that came after the snapshot")
                .isEqualTo(Status.SHIPPED);
    }

    @Test
    @DisplayName("a short read takes no snapshot")
    void shortReadNoSnapshot(KafkaLab kafka) throws Exception {
        var events = historyOf150Orders(kafka);
        var snapshots = snapshotStore(kafka);

        new SnapshottingRepository(events, snapshots, 1_000).load("o-7");

        assertThat(snapshots.latest("o-7")).as("snapshot after reading %d records with snapshotEvery 1000", ORDERS + 1)
                .isEmpty();
    }

    @Test
    @DisplayName("after a restart the snapshot is still there: it is on a compacted topic, not in memory")
    void snapshotSurvivesRestart(KafkaLab kafka) throws Exception {
        var events = historyOf150Orders(kafka);
        var snapshotTopic = kafka.createTopic("orders.snapshots", 1, 1, Map.of("cleanup.policy", "compact"));
        new SnapshottingRepository(events, new SnapshotStore(kafka.newProducer(), kafka.newConsumerWithoutGroup(),
                snapshotTopic), 50).load("o-7");
        var restartedEvents = Stores.eventStore(kafka, events.topic());
        var restarted = new SnapshottingRepository(restartedEvents,
                new SnapshotStore(kafka.newProducer(), kafka.newConsumerWithoutGroup(), snapshotTopic), 50);

        var loaded = restarted.load("o-7");

        assertThat(restartedEvents.recordsScanned()).as("records the restarted service read to load o-7").isZero();
        assertThat(loaded.status()).as("o-7 after the restart").isEqualTo(Status.PAID);
    }

    /** 150 orders placed on one partition, then o-7 paid: 151 records, o-7's two far apart. */
    private static EventStore historyOf150Orders(KafkaLab kafka) throws Exception {
        var events = Stores.eventStore(kafka, 1);
        var placed = new ArrayList<OrderEvent>();
        for (var i = 0; i < ORDERS; i++) {
            placed.add(new OrderEvent.Placed("o-" + i, "customer-" + i, "sku-" + (i % 7), 1, 1_000 + i));
        }
        events.append(placed);
        events.append(List.of(new OrderEvent.Paid("o-7", 1_007)));
        return events;
    }

    private static SnapshotStore snapshotStore(KafkaLab kafka) {
        var topic = kafka.createTopic("orders.snapshots", 1, 1, Map.of("cleanup.policy", "compact"));
        return new SnapshotStore(kafka.newProducer(), kafka.newConsumerWithoutGroup(), topic);
    }

    private static long recordsReadBy(EventStore events, Load load) throws Exception {
        var before = events.recordsScanned();
        load.run();
        return events.recordsScanned() - before;
    }

    private interface Load {
        void run() throws Exception;
    }
}
