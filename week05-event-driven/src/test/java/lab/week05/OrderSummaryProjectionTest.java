package lab.week05;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import lab.kit.junit.Background;
import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import lab.week05.Order.Status;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@WithKafka
@Tag("ex5.3")
@DisplayName("5.3 CQRS: a read model built from the events")
class OrderSummaryProjectionTest {

    private static final List<OrderEvent> HISTORY = List.of(
            new OrderEvent.Placed("o-1", "ana", "sku-7", 2, 2_500),
            new OrderEvent.Placed("o-2", "ben", "sku-7", 1, 1_200),
            new OrderEvent.Placed("o-3", "cai", "sku-1", 1, 900),
            new OrderEvent.Paid("o-1", 2_500),
            new OrderEvent.Paid("o-2", 1_200),
            new OrderEvent.Shipped("o-1", "t-1"),
            new OrderEvent.Cancelled("o-2", "customer asked"),
            new OrderEvent.Cancelled("o-3", "out of stock"));

    @Test
    @DisplayName("the query side catches up with the events: summaries, counts, revenue (awaited, never assumed)")
    void queryFollowsTheEvents(KafkaLab kafka) throws Exception {
        var store = Stores.eventStore(kafka, 3);
        var projection = new OrderSummaryProjection();
        var runner = new ProjectionRunner(kafka.newConsumer(kafka.manualCommitConfig(kafka.uniqueName("summaries"))), store.topic(), projection::apply);
        var running = Background.start("summaries", runner);
        try {
            store.append(HISTORY);

            // Eventually consistent: the events are stored, the read model follows a moment later.
            running.awaitAsserted("o-1 shipped, o-2 and o-3 cancelled in the read model", () -> assertThat(
                    projection.countByStatus()).as("orders per status in the read model")
                    .isEqualTo(Map.of(Status.SHIPPED, 1L, Status.CANCELLED, 2L)));
        } finally {
            runner.shutdown();
            running.ended(Duration.ofSeconds(10));
        }

        assertThat(projection.summary("o-1")).as("summary of o-1")
                .contains(new OrderSummary("o-1", "ana", "sku-7", Status.SHIPPED, 2_500));
        assertThat(projection.revenueCents("sku-7")).as("sku-7 revenue: o-1 paid 2500; o-2 paid 1200, then "
                + "cancelled and refunded").isEqualTo(2_500);
        assertThat(projection.revenueCents("sku-1")).as("sku-1 revenue: o-3 never paid").isZero();
        assertThat(projection.summary("o-9")).as("an order nobody placed").isEmpty();
    }

    @Test
    @DisplayName("a redelivered record changes nothing")
    void appliesEachRecordOnce() {
        var projection = new OrderSummaryProjection();
        var placed = record(0, HISTORY.get(0));
        var paid = record(1, HISTORY.get(3));

        projection.apply(placed);
        projection.apply(paid);
        projection.apply(paid);

        assertThat(projection.revenueCents("sku-7")).as("sku-7 revenue after OrderPaid was delivered twice")
                .isEqualTo(2_500);
    }

    @Test
    @DisplayName("each partition has offsets of its own: a lower offset on another partition is a new record")
    void offsetsPerPartition() {
        var projection = new OrderSummaryProjection();

        projection.apply(record(0, 0, HISTORY.get(0)));
        projection.apply(record(0, 1, HISTORY.get(3)));
        projection.apply(record(1, 0, HISTORY.get(1)));
        projection.apply(record(1, 1, HISTORY.get(4)));

        assertThat(projection.countByStatus()).as("orders per status after o-1 placed and paid at offsets 0 and 1 of "
                + "partition 0, o-2 the same at offsets 0 and 1 of partition 1 (each partition has offsets of its own: "
                + "remember the last one applied per partition, not per topic)").isEqualTo(Map.of(Status.PAID, 2L));
        assertThat(projection.revenueCents("sku-7")).as("sku-7 revenue: o-1's 2500 and o-2's 1200").isEqualTo(3_700);
    }

    @Test
    @DisplayName("thrown away and rebuilt from the log, or built new from all of history: the same answers")
    void rebuiltFromTheLog(KafkaLab kafka) throws Exception {
        var store = Stores.eventStore(kafka, 3);
        store.append(HISTORY);

        var rebuilt = new OrderSummaryProjection();
        var runner = new ProjectionRunner(kafka.newConsumer(kafka.manualCommitConfig(kafka.uniqueName("rebuild"))), store.topic(), rebuilt::apply);
        var running = Background.start("rebuild", runner);
        try {
            running.awaitAsserted("all 3 orders in the rebuilt model", () -> assertThat(rebuilt.countByStatus())
                    .as("orders per status in the rebuilt model, so far").isEqualTo(Map.of(Status.SHIPPED, 1L,
                            Status.CANCELLED, 2L)));
        } finally {
            runner.shutdown();
            running.ended(Duration.ofSeconds(10));
        }

        assertThat(rebuilt.countByStatus()).as("orders per status, from a model that did not exist when they happened")
                .isEqualTo(Map.of(Status.SHIPPED, 1L, Status.CANCELLED, 2L));
        assertThat(rebuilt.revenueCents("sku-7")).as("sku-7 revenue, rebuilt").isEqualTo(2_500);
    }

    private static ConsumerRecord<String, String> record(long offset, OrderEvent event) {
        return record(0, offset, event);
    }

    private static ConsumerRecord<String, String> record(int partition, long offset, OrderEvent event) {
        return new ConsumerRecord<>("orders.events", partition, offset, event.orderId(), Json.write(event));
    }
}
