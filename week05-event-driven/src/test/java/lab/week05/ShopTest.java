package lab.week05;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static lab.week05.SagaRig.CARD_LIMIT;
import static lab.week05.SagaRig.IN_STOCK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop end to end: the order service writes orders and their events to PostgreSQL (5.6's outbox),
 * a polling publisher (5.7) relays them to order.created, inventory, payment and fulfillment react (5.4),
 * the notifier tells customers, and analytics (5.9) counts everything.
 */
@WithKafka
@Tag("ex5.9")
@DisplayName("5.9 The shop: order, inventory, payment, fulfillment, notification and analytics services")
class ShopTest {

    @Test
    @DisplayName("analytics subscribes by pattern: every shop topic, a future one too, and no other")
    void subscription() {
        // A suffix with a dot, as an environment name often has ("orders.eu.t7"): in a regex, '.' is any character.
        var analytics = new ShopAnalytics(new SagaTopics(".eu.t7"));

        var pattern = analytics.subscription();

        assertThat(List.of("order.created.eu.t7", "payment.completed.eu.t7", "returns.requested.eu.t7"))
                .as("shop topics, the last one added by another team later").allMatch(t -> pattern.matcher(t).matches());
        assertThat(List.of("order.created.eu.t70", "order.created.eu.t8", "order.created.eu.t7.dlt",
                "order.createdxeuxt7", "__consumer_offsets"))
                .as("topics that are not this shop's (the suffix's dots must match dots only: Pattern.quote)")
                .noneMatch(t -> pattern.matcher(t).matches());
    }

    @Test
    @DisplayName("analytics counts each event once, and the revenue of completed payments")
    void countsOnce() {
        var topics = new SagaTopics("");
        var analytics = new ShopAnalytics(topics);
        var paid = new ConsumerRecord<>(topics.paymentCompleted(), 0, 4L, "o-1",
                Json.write(new SagaMessage("payment.completed", "o-1", IN_STOCK, 1, 2_500, null)));

        analytics.on(paid);
        analytics.on(paid);

        assertThat(analytics.count(topics.paymentCompleted())).as("payment.completed events, one delivered twice")
                .isEqualTo(1);
        assertThat(analytics.revenueCents()).as("revenue").isEqualTo(2_500);
        assertThat(analytics.count(topics.orderShipped())).as("order.shipped events").isZero();
    }

    @Test
    @DisplayName("analytics keeps offsets per partition: each topic's partitions count their offsets from 0")
    void offsetsPerPartition() {
        var topics = new SagaTopics("");
        var analytics = new ShopAnalytics(topics);

        analytics.on(new ConsumerRecord<>(topics.orderCreated(), 0, 3L, "o-1", message("order.created", "o-1")));
        analytics.on(new ConsumerRecord<>(topics.orderCreated(), 1, 0L, "o-2", message("order.created", "o-2")));
        analytics.on(new ConsumerRecord<>(topics.paymentCompleted(), 0, 0L, "o-1", message("payment.completed", "o-1")));

        assertThat(List.of(analytics.count(topics.orderCreated()), analytics.count(topics.paymentCompleted())))
                .as("order.created and payment.completed events counted, after order.created partition 0 offset 3, "
                        + "order.created partition 1 offset 0, payment.completed partition 0 offset 0 (offsets are per "
                        + "partition: none of these is a repeat)").containsExactly(2L, 1L);
    }

    @Test
    @DisplayName("only completed payments make revenue, though other events carry the amount too")
    void revenueFromPaymentsOnly() {
        var topics = new SagaTopics("");
        var analytics = new ShopAnalytics(topics);

        analytics.on(new ConsumerRecord<>(topics.orderCreated(), 0, 0L, "o-1", message("order.created", "o-1")));
        analytics.on(new ConsumerRecord<>(topics.inventoryReserved(), 0, 0L, "o-1", message("inventory.reserved", "o-1")));
        analytics.on(new ConsumerRecord<>(topics.paymentCompleted(), 0, 0L, "o-1", message("payment.completed", "o-1")));

        assertThat(analytics.revenueCents()).as("revenue: completed payments only, after o-1's order.created, "
                + "inventory.reserved and payment.completed, each carrying its 2500").isEqualTo(2_500);
    }

    @Test
    @DisplayName("end to end: orders placed through the outbox are reserved, paid and shipped")
    void ordersAreShipped(KafkaLab kafka) throws Exception {
        try (var shop = new Shop(kafka)) {
            shop.place(new OrderEvent.Placed("o-1", "ana", IN_STOCK, 1, 1_000));
            shop.place(new OrderEvent.Placed("o-2", "ben", IN_STOCK, 2, 2_000));

            shop.awaitUntil("o-1 and o-2 shipped",
                    () -> shop.rig.board.status("o-1").equals("SHIPPED") && shop.rig.board.status("o-2").equals("SHIPPED"));
            var t = shop.rig.topics;
            shop.awaitAsserted("analytics to count 2 shipped orders", () -> assertThat(shop.analytics.count(t.orderShipped()))
                    .as("order.shipped events counted by analytics").isEqualTo(2));
            // Two topics: Kafka orders records within a partition, not across topics, so neither is the order here.
            shop.awaitAsserted("the notifier to tell o-1's customer", () -> assertThat(shop.notifier.sentFor("o-1"))
                    .as("what o-1's customer was told")
                    .containsExactlyInAnyOrder("Thank you, we received your order.", "Your order is on its way."));
            assertThat(List.of(shop.analytics.count(t.orderCreated()), shop.analytics.count(t.inventoryReserved()),
                    shop.analytics.count(t.paymentCompleted()))).as("analytics: created, reserved, paid")
                    .containsExactly(2L, 2L, 2L);
            assertThat(shop.analytics.revenueCents()).as("revenue").isEqualTo(3_000);
            assertThat(shop.rig.stock.available(IN_STOCK)).as("sku-1 stock: 5 - 1 - 2").isEqualTo(2);
        }
    }

    @Test
    @DisplayName("end to end: a declined payment is compensated; the customer is told, analytics sees it all")
    void paymentFailureIsCompensated(KafkaLab kafka) throws Exception {
        try (var shop = new Shop(kafka)) {
            shop.place(new OrderEvent.Placed("o-9", "cai", IN_STOCK, 3, CARD_LIMIT + 1));

            shop.awaitUntil("o-9 cancelled", () -> shop.rig.board.status("o-9").startsWith("CANCELLED"));
            var t = shop.rig.topics;
            shop.awaitAsserted("analytics to count the release", () -> assertThat(shop.analytics.count(t.inventoryReleased()))
                    .as("inventory.released events counted by analytics").isEqualTo(1));

            assertThat(shop.rig.board.status("o-9")).as("o-9 on the order service's board")
                    .isEqualTo("CANCELLED: payment declined");
            assertThat(shop.rig.stock.available(IN_STOCK)).as("sku-1 stock after the compensation").isEqualTo(5);
            shop.awaitAsserted("the notifier to tell o-9's customer", () -> assertThat(shop.notifier.sentFor("o-9"))
                    .as("what o-9's customer was told").containsExactlyInAnyOrder(
                            "Thank you, we received your order.", "Sorry, we cancelled your order: payment declined."));
            assertThat(List.of(shop.analytics.count(t.paymentFailed()), shop.analytics.count(t.orderShipped())))
                    .as("analytics: payments failed, orders shipped").containsExactly(1L, 0L);
            assertThat(shop.analytics.revenueCents()).as("revenue").isZero();
        }
    }

    @Test
    @DisplayName("a topic created after analytics started is picked up, without a restart")
    void newTopicPickedUp(KafkaLab kafka) throws Exception {
        try (var shop = new Shop(kafka)) {
            var returns = "returns.requested" + shop.rig.topics.suffix();
            kafka.createTopicsNamed(List.of(returns), 1);

            kafka.produce(List.of(new ProducerRecord<>(returns, "o-1", "{\"type\":\"returns.requested\",\"orderId\":\"o-1\"}")));

            shop.awaitAsserted("analytics to count the event on " + returns, () -> assertThat(shop.analytics.count(returns))
                    .as("events on %s counted by analytics (its consumer refreshes metadata every second)", returns)
                    .isEqualTo(1));
        }
    }

    private static String message(String type, String orderId) {
        return Json.write(new SagaMessage(type, orderId, IN_STOCK, 1, 2_500, null));
    }

    /**
     * The whole shop on the kit's broker and the shared PostgreSQL. The order service (5.6's outbox and
     * 5.7's polling publisher) starts with the first order, so a test that places none needs neither.
     */
    private static final class Shop implements AutoCloseable {
        final SagaRig rig;
        final Notifier notifier;
        final ShopAnalytics analytics;
        private final KafkaLab kafka;
        private final ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
        private final AtomicReference<Exception> publishFailure = new AtomicReference<>();
        private Connection orders;
        private Connection publisherConnection;

        Shop(KafkaLab kafka) {
            this.kafka = kafka;
            rig = new SagaRig(kafka);
            var t = rig.topics;
            notifier = new Notifier(t);
            analytics = new ShopAnalytics(t);
            rig.start("inventory", List.of(t.orderCreated(), t.paymentFailed()), e -> Choreography.inventory(e, rig.stock, t));
            rig.start("payment", List.of(t.inventoryReserved()), e -> Choreography.payment(e, rig.gateway, t));
            rig.start("fulfillment", List.of(t.paymentCompleted()), e -> SagaServices.fulfillment(e, t));
            rig.start("orders", List.of(t.orderShipped(), t.inventoryRejected(), t.inventoryReleased()), rig.board::on);
            rig.start("notifier", notifier.topicsOfInterest(), notifier::on);
            rig.startByPattern("analytics", analytics.subscription(), event -> {
                analytics.on(event);
                return List.of();
            });
        }

        void place(OrderEvent.Placed order) throws Exception {
            if (orders == null) {
                startOrderService();
            }
            OrderOutbox.placeOrder(orders, order);
        }

        /** Waits for {@code condition}, failing at once if the outbox publisher or a service failed. */
        void awaitUntil(String what, Callable<Boolean> condition) {
            rig.awaitUntil(what, () -> {
                failIfThePublisherFailed();
                return condition.call();
            });
        }

        /** Waits until {@code assertion} passes, failing at once if the outbox publisher or a service failed. */
        void awaitAsserted(String what, ThrowingRunnable assertion) {
            rig.awaitAsserted(what, () -> {
                failIfThePublisherFailed();
                assertion.run();
            });
        }

        private void failIfThePublisherFailed() {
            if (publishFailure.get() != null) {
                throw new IllegalStateException("The outbox publisher failed: " + publishFailure.get(), publishFailure.get());
            }
        }

        private void startOrderService() {
            var db = SharedPostgres.newSchema();
            orders = SharedPostgres.connect(db);
            publisherConnection = SharedPostgres.connect(db);
            var producer = kafka.newProducer();
            // The polling publisher's schedule: every 100 ms, as a real one runs every few hundred ms.
            publisher.scheduleWithFixedDelay(() -> {
                try {
                    OutboxPublisher.publishPending(publisherConnection, producer, rig.topics.orderCreated(), 100);
                } catch (Exception e) {
                    publishFailure.compareAndSet(null, e);
                }
            }, 0, 100, TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() throws Exception {
            publisher.shutdown(); // a run in progress finishes: interrupting it would look like a publisher failure
            if (!publisher.awaitTermination(10, TimeUnit.SECONDS)) {
                publisher.shutdownNow();
            }
            rig.close();
            if (orders != null) {
                orders.close();
                publisherConnection.close();
            }
            failIfThePublisherFailed(); // after the last wait too
        }
    }
}
