package lab.week03;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import lab.kit.junit.Background;
import lab.kit.junit.Intercept;
import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The service runs on its own thread, as in production; the test talks to it only through topics. */
@WithKafka
@Tag("ex3.10")
@DisplayName("3.10 Orders in, reservations out: the week's event-driven service")
class ReservationServiceTest {

    private static final Duration BOUND = LabAwait.TIMEOUT; // -Dlab.await.seconds stretches it on a slow machine

    @Test
    @DisplayName("reserves while stock lasts and rejects the rest, one reservation per order")
    void reservesThenRejects(KafkaLab kafka) throws Exception {
        var topics = new Topics(kafka);
        var stock = Stock.of(Map.of("sku-1", 5));
        var service = topics.start(stock);

        kafka.produce(IntStream.rangeClosed(1, 4)
                .mapToObj(i -> topics.order(new OrderPlaced("o-" + i, "sku-1", 2))).toList());

        var reservations = service.reservations(4);
        assertThat(reservations).extracting(Reservation::status)
                .as("2 orders of 2 fit in a stock of 5; the other 2 do not")
                .containsOnly(Reservation.Status.RESERVED, Reservation.Status.REJECTED)
                .filteredOn(status -> status == Reservation.Status.RESERVED).hasSize(2);
        assertThat(reservations).filteredOn(r -> r.status() == Reservation.Status.REJECTED)
                .allSatisfy(r -> assertThat(r.reason()).contains("out of stock"));
        assertThat(stock.available("sku-1")).as("stock left").isEqualTo(1);
        assertThat(kafka.readAll(topics.reservations, 4)).as("keys of the reservations: each order's id (the key keeps "
                + "what happens to one order on one partition, in order)").allSatisfy(record ->
                assertThat(record.key()).isEqualTo(EventJson.fromJson(record.value(), Reservation.class).orderId()));
        service.stop();
        assertThat(kafka.recordCount(topics.reservations)).as("records on the reservations topic: one per order")
                .isEqualTo(4);
    }

    @Test
    @DisplayName("end to end: OrderEventProducer (3.3) publishes 200 orders, every one gets exactly one reservation")
    void endToEnd(KafkaLab kafka) throws Exception {
        var topics = new Topics(kafka);
        var skus = IntStream.range(0, 20).boxed().collect(Collectors.toMap(i -> "sku-" + i, i -> 10));
        var stock = Stock.of(skus);
        var service = topics.start(stock);
        var orders = IntStream.range(0, 200).mapToObj(i -> new OrderPlaced("o-" + i, "sku-" + (i % 20), 1 + i % 3)).toList();

        var published = OrderEventProducer.sendAsync(kafka.newProducer(), topics.orders, orders);

        assertThat(published).as("orders published by OrderEventProducer.sendAsync").isEqualTo(200);
        var reservations = service.reservations(200);
        assertThat(reservations).extracting(Reservation::orderId).as("one reservation per order")
                .doesNotHaveDuplicates().hasSize(200);
        var reservedPerSku = new HashMap<String, Integer>();
        reservations.stream().filter(r -> r.status() == Reservation.Status.RESERVED)
                .forEach(r -> reservedPerSku.merge(r.sku(), r.quantity(), Integer::sum));
        skus.keySet().forEach(sku -> assertThat(reservedPerSku.getOrDefault(sku, 0) + stock.available(sku))
                .as("%s: reserved plus still available", sku).isEqualTo(10));
        service.stop();
        assertThat(kafka.recordCount(topics.reservations)).as("records on the reservations topic: one per order")
                .isEqualTo(200);
    }

    @Test
    @DisplayName("a value that is not an order is parked on the dead letter topic and the service goes on")
    void malformedOrderParked(KafkaLab kafka) throws Exception {
        var topics = new Topics(kafka);
        var service = topics.start(Stock.of(Map.of("sku-1", 5)));

        // One partition, the malformed value first: the good order after it is reserved only if the service goes on.
        kafka.produce(List.of(new ProducerRecord<>(topics.orders, 0, "o-bad", "{\"orderId\": \"o-bad\", \"quantity\": \"two\""),
                new ProducerRecord<>(topics.orders, 0, "o-good", OrderPlacedJson.toJson(new OrderPlaced("o-good", "sku-1", 1)))));

        assertThat(service.reservations(1)).extracting(Reservation::orderId).as("reservations").containsExactly("o-good");
        service.stop();
        assertThat(kafka.recordCount(topics.deadLetters)).as("records on the dead letter topic once the service stopped: "
                + "the malformed order, parked (a record that does not parse is kept, not dropped)").isEqualTo(1);
        var parked = kafka.readAll(topics.deadLetters, 1).get(0);
        assertThat(parked.value()).as("the parked value, as it came").isEqualTo("{\"orderId\": \"o-bad\", \"quantity\": \"two\"");
        assertThat(parked.headers().lastHeader("error")).as("the parked record's 'error' header").isNotNull();
        assertThat(new String(parked.headers().lastHeader("error").value(), StandardCharsets.UTF_8)).isNotBlank();
    }

    @Test
    @DisplayName("stopped and started again, the service neither loses nor repeats an order")
    void restartLosesNothing(KafkaLab kafka) throws Exception {
        var topics = new Topics(kafka);
        var stock = Stock.of(Map.of("sku-1", 1000));
        var first = topics.start(stock);
        kafka.produce(IntStream.range(0, 50).mapToObj(i -> topics.order(new OrderPlaced("o-" + i, "sku-1", 1))).toList());
        first.reservations(50);
        first.stop();

        kafka.produce(IntStream.range(50, 100).mapToObj(i -> topics.order(new OrderPlaced("o-" + i, "sku-1", 1))).toList());
        var second = topics.start(stock);

        assertThat(second.reservations(100)).extracting(Reservation::orderId).as("reservations after the restart")
                .doesNotHaveDuplicates().hasSize(100);
        second.stop();
        assertThat(kafka.recordCount(topics.reservations))
                .as("records on the reservations topic (more than 100: orders handled again after the restart)").isEqualTo(100);
    }

    @Test
    @DisplayName("offsets are committed only once the reservations of those orders are stored (flush, then commit)")
    void flushesBeforeCommitting(KafkaLab kafka) throws Exception {
        var topics = new Topics(kafka);
        var watch = new CommitWatch();
        // linger.ms 200: a reservation waits in the producer's buffer, so a commit before flush() would see it.
        var service = topics.start(Stock.of(Map.of("sku-1", 100)), watch, Map.of(ProducerConfig.LINGER_MS_CONFIG, 200));

        kafka.produce(IntStream.range(0, 20).mapToObj(i -> topics.order(new OrderPlaced("o-" + i, "sku-1", 1))).toList());
        service.reservations(20);
        service.stop();

        assertThat(watch.unstoredAtCommits).as("reservations sent but not yet stored, at each commit of the "
                + "orders' offsets (a commit before flush() says 'done' for work still in the buffer)")
                .isNotEmpty().containsOnly(0);
    }

    @Test
    @DisplayName("when a reservation cannot be sent, the orders' offsets are not committed")
    void failedReservationSendNotCommitted(KafkaLab kafka) throws Exception {
        var topics = new Topics(kafka);
        var failing = new FailingSends(topics.reservations);
        var service = topics.start(Stock.of(Map.of("sku-1", 100)), failing::producer);

        kafka.produce(IntStream.range(0, 3).mapToObj(i -> topics.order(new OrderPlaced("o-" + i, "sku-1", 1))).toList());
        service.awaitAttemptOrEnd(failing);
        service.halt();

        assertThat(failing.attempted).as("reservation sends the service tried").hasPositiveValue();
        assertThat(topics.committedOffsets()).as("committed offsets after every reservation send failed: none (the "
                + "orders must be read again after a restart, so remember a failed send in its callback and do not "
                + "commit)").isEmpty();
    }

    @Test
    @DisplayName("when a malformed order cannot be parked, its offset is not committed")
    void failedDeadLetterSendNotCommitted(KafkaLab kafka) throws Exception {
        var topics = new Topics(kafka);
        var failing = new FailingSends(topics.deadLetters);
        var service = topics.start(Stock.of(Map.of("sku-1", 100)), failing::producer);

        kafka.produce(List.of(new ProducerRecord<>(topics.orders, "o-bad", "{\"orderId\": \"o-bad\", \"quantity\": \"two\"")));
        service.awaitAttemptOrEnd(failing);
        service.halt();

        assertThat(failing.attempted).as("dead letter sends the service tried").hasPositiveValue();
        assertThat(topics.committedOffsets()).as("committed offsets after the dead letter send failed: none (a record "
                + "neither handled nor parked must be read again, so a failed dead letter send counts too)").isEmpty();
    }

    @Test
    @DisplayName("two instances in one group share the partitions: every order reserved once")
    void twoInstancesShareTheWork(KafkaLab kafka) throws Exception {
        var topics = new Topics(kafka);
        var stock = Stock.of(Map.of("sku-1", 1000));
        var firstWatch = new CommitWatch();
        var secondWatch = new CommitWatch();
        var first = topics.start(stock, firstWatch, Map.of());
        var second = topics.start(stock, secondWatch, Map.of());
        // Both members hold partitions before any order arrives, so each takes a share of the work.
        first.thread.awaitAsserted("both instances to join the group and get partitions", () ->
                assertThat(kafka.admin().describeConsumerGroups(List.of(topics.group)).all().get().get(topics.group)
                        .members()).as("members of %s", topics.group).hasSize(2)
                        .allSatisfy(member -> assertThat(member.assignment().topicPartitions()).isNotEmpty()));
        kafka.produce(IntStream.range(0, 60).mapToObj(i -> topics.order(new OrderPlaced("o-" + i, "sku-1", 1))).toList());

        var reservations = first.reservations(60);
        first.stop();
        second.stop();

        assertThat(reservations).extracting(Reservation::orderId).as("reservations by the two instances")
                .doesNotHaveDuplicates().hasSize(60);
        assertThat(List.of(firstWatch.sent.get(), secondWatch.sent.get())).as("reservations sent by each instance")
                .allMatch(sent -> sent > 0);
        assertThat(kafka.recordCount(topics.reservations)).as("records on the reservations topic").isEqualTo(60);
        assertThat(stock.available("sku-1")).as("stock left: 1000 - 60").isEqualTo(940);
    }

    /**
     * Watches a service's clients: how many sent reservations were not yet stored (their callback not yet
     * run) at each commit. flush() returns only after every callback ran.
     */
    private static final class CommitWatch {
        private final AtomicInteger unstored = new AtomicInteger();
        final AtomicInteger sent = new AtomicInteger();
        final List<Integer> unstoredAtCommits = new CopyOnWriteArrayList<>();

        @SuppressWarnings("unchecked")
        Producer<String, String> producer(Producer<String, String> real) {
            return Intercept.of(Producer.class, real, call -> {
                if (!call.named("send")) {
                    return call.proceed();
                }
                var callback = call.args().length > 1 ? (Callback) call.args()[1] : null;
                unstored.incrementAndGet();
                sent.incrementAndGet();
                return real.send((ProducerRecord<String, String>) call.args()[0], (metadata, error) -> {
                    unstored.decrementAndGet();
                    if (callback != null) {
                        callback.onCompletion(metadata, error);
                    }
                });
            });
        }

        @SuppressWarnings("unchecked") // the stand-in is of the raw interface
        Consumer<String, String> consumer(Consumer<String, String> real) {
            return Intercept.of(Consumer.class, real, call -> {
                if (call.named("commitSync") || call.named("commitAsync")) {
                    unstoredAtCommits.add(unstored.get());
                }
                return call.proceed();
            });
        }
    }

    /**
     * A producer whose sends to one topic fail, as a send does when the broker never answers: the callback
     * gets the error (and the future holds it). Sends to the other topics go through.
     */
    private static final class FailingSends {
        private final String topic;
        final AtomicInteger attempted = new AtomicInteger();

        FailingSends(String topic) {
            this.topic = topic;
        }

        @SuppressWarnings("unchecked") // the stand-in is of the raw interface
        Producer<String, String> producer(Producer<String, String> real) {
            return Intercept.of(Producer.class, real, call -> {
                if (!call.named("send") || !((ProducerRecord<String, String>) call.args()[0]).topic().equals(topic)) {
                    return call.proceed();
                }
                attempted.incrementAndGet();
                var error = new TimeoutException("Expiring 1 record(s) for " + topic + ": delivery.timeout.ms has passed"
                        + " (the test made this send fail)");
                if (call.args().length > 1 && call.args()[1] != null) {
                    ((Callback) call.args()[1]).onCompletion(new RecordMetadata(new TopicPartition(topic, -1), -1, -1, -1, -1, -1), error);
                }
                return CompletableFuture.failedFuture(error);
            });
        }
    }

    /** This test's three topics and one consumer group. */
    private static final class Topics {
        final KafkaLab kafka;
        final String orders;
        final String reservations;
        final String deadLetters;
        final String group;

        Topics(KafkaLab kafka) {
            this.kafka = kafka;
            this.orders = kafka.createTopic("orders", 3);
            this.reservations = kafka.createTopic("reservations", 3);
            this.deadLetters = kafka.createTopic("orders-dlt", 1);
            this.group = kafka.uniqueName("inventory-service");
        }

        ProducerRecord<String, String> order(OrderPlaced order) {
            return new ProducerRecord<>(orders, order.orderId(), OrderPlacedJson.toJson(order));
        }

        Running start(Stock stock) {
            return start(stock, null, Map.of());
        }

        /** A service in this group whose producer is {@code producer} made of the real one. */
        Running start(Stock stock, UnaryOperator<Producer<String, String>> producer) {
            var consumer = new KafkaConsumer<String, String>(kafka.manualCommitConfig(group));
            return new Running(this, new ReservationService(consumer, producer.apply(kafka.newProducer()), stock, orders,
                    reservations, deadLetters));
        }

        /** The group's committed offsets on the orders topic, by partition; only the partitions that have one. */
        Map<Integer, Long> committedOffsets() throws Exception {
            var committed = new TreeMap<Integer, Long>();
            for (var partition : kafka.newConsumerWithoutGroup().partitionsFor(orders)) {
                kafka.committedOffset(group, new TopicPartition(orders, partition.partition()))
                        .ifPresent(offset -> committed.put(partition.partition(), offset));
            }
            return committed;
        }

        /** A service in this group; {@code watch}, when given, watches its clients. */
        Running start(Stock stock, CommitWatch watch, Map<String, Object> producerSettings) {
            Consumer<String, String> consumer = new KafkaConsumer<>(kafka.manualCommitConfig(group));
            Producer<String, String> producer = kafka.newProducer(producerSettings);
            if (watch != null) {
                consumer = watch.consumer(consumer);
                producer = watch.producer(producer);
            }
            return new Running(this, new ReservationService(consumer, producer, stock, orders, reservations, deadLetters));
        }
    }

    /** A ReservationService on its own thread; a failure of that thread fails the test at once. */
    private static final class Running {
        private final Topics topics;
        private final ReservationService service;
        private final Background thread;

        Running(Topics topics, ReservationService service) {
            this.topics = topics;
            this.service = service;
            this.thread = Background.start("reservation-service", service);
            topics.kafka.closeAfterTest(() -> { // a test that failed before stop() must not leave it polling
                if (!thread.ended(Duration.ZERO)) {
                    service.shutdown();
                    thread.ended(BOUND);
                }
            });
        }

        /** Waits until the reservations topic holds {@code count} reservations, and returns them. */
        List<Reservation> reservations(int count) {
            thread.awaitUntil(count + " reservations on " + topics.reservations,
                    () -> topics.kafka.recordCount(topics.reservations) >= count);
            return topics.kafka.readAll(topics.reservations, count).stream()
                    .map(ConsumerRecord::value).map(json -> EventJson.fromJson(json, Reservation.class)).toList();
        }

        /** Waits until the service has tried a send through {@code failing}, or has stopped by itself. */
        void awaitAttemptOrEnd(FailingSends failing) {
            LabAwait.until("the service to try a send, or to stop").until(() -> failing.attempted.get() > 0
                    || thread.ended(Duration.ZERO));
        }

        /** Stops the service if it still runs, and waits for its thread to end, with or without an error. */
        void halt() throws InterruptedException {
            if (!thread.ended(Duration.ZERO)) {
                service.shutdown();
            }
            assertThat(thread.ended(BOUND)).as("the service's thread has ended").isTrue();
        }

        void stop() throws InterruptedException {
            service.shutdown();
            assertThat(service.awaitClosed(BOUND)).as("service closed within %d s after shutdown()", BOUND.toSeconds()).isTrue();
            assertThat(thread.ended(BOUND)).as("the service's thread has ended").isTrue();
            assertThat(thread.failure()).as("the service's thread ended without an error").isNull();
        }
    }
}
