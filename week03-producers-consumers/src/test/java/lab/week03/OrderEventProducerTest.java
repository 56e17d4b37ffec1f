package lab.week03;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import lab.kit.junit.Intercept;
import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import lab.kit.report.BarChart;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static lab.kit.junit.LabAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

@WithKafka
@Tag("ex3.3")
@DisplayName("3.3 Synchronous vs asynchronous sends")
class OrderEventProducerTest {

    private static final int ORDERS = 1000;
    /** Enough to measure; a synchronous send costs a round trip plus linger.ms (5 ms by default in Kafka 4). */
    private static final int MEASURED = 300;

    @Test
    @DisplayName("asynchronous sends store every order and keep each order's events in sequence")
    void asyncStoresAllInOrder(KafkaLab kafka) {
        var topic = kafka.createTopic("orders", 3);
        var orders = orders(ORDERS);

        var stored = OrderEventProducer.sendAsync(kafka.newProducer(), topic, orders);

        assertThat(stored).as("acknowledged sends").isEqualTo(ORDERS);
        var lastQuantity = new HashMap<String, Integer>();
        for (ConsumerRecord<String, String> record : kafka.readAll(topic, ORDERS)) {
            var order = OrderPlacedJson.fromJson(record.value());
            var previous = lastQuantity.put(order.orderId(), order.quantity());
            assertThat(previous == null || previous < order.quantity())
                    .as("events of %s out of sequence: %s after %s", order.orderId(), order.quantity(), previous).isTrue();
        }
    }

    @Test
    @DisplayName("both ways store every order; their throughput goes to a report, not an assertion")
    void syncAndAsyncMeasured(KafkaLab kafka) throws Exception {
        var orders = orders(MEASURED);
        var syncTopic = kafka.createTopic("orders-sync", 3);
        var asyncTopic = kafka.createTopic("orders-async", 3);

        var unacknowledgedAtSend = new ArrayList<Integer>();
        var syncStart = System.nanoTime();
        var syncStored = OrderEventProducer.sendSync(waitWatched(kafka.newProducer(), unacknowledgedAtSend), syncTopic, orders);
        var syncSeconds = (System.nanoTime() - syncStart) / 1e9;
        var asyncStart = System.nanoTime();
        var asyncStored = OrderEventProducer.sendAsync(kafka.newProducer(), asyncTopic, orders);
        var asyncSeconds = (System.nanoTime() - asyncStart) / 1e9;

        assertThat(syncStored).as("orders stored by sendSync").isEqualTo(MEASURED);
        assertThat(asyncStored).as("orders stored by sendAsync").isEqualTo(MEASURED);
        assertThat(List.of(kafka.recordCount(syncTopic), kafka.recordCount(asyncTopic))).as("records on the sync and "
                + "the async topic").containsExactly((long) MEASURED, (long) MEASURED);
        assertThat(unacknowledgedAtSend).as("earlier sends not yet acknowledged when sendSync sent the next one "
                + "(sendSync waits for each acknowledgement: get() on the send's future)").containsOnly(0);
        report(MEASURED / syncSeconds, MEASURED / asyncSeconds);
    }

    @Test
    @DisplayName("an asynchronous send that fails is reported, not counted as stored")
    void asyncFailureReported(KafkaLab kafka) {
        var topic = kafka.createTopic("orders", 1);
        // max.request.size 100 bytes: every order is too large, and each callback gets the error.
        var producer = kafka.newProducer(Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 100));

        assertFails("sendAsync when every send failed (the callback keeps the failures; after flush, throw)",
                () -> OrderEventProducer.sendAsync(producer, topic, orders(3)))
                .isInstanceOf(IllegalStateException.class).hasCauseInstanceOf(RecordTooLargeException.class);
    }

    /** The producer, noting at each send how many earlier sends were not yet acknowledged. */
    @SuppressWarnings("unchecked") // the stand-in is of the raw interface
    private static Producer<String, String> waitWatched(Producer<String, String> producer, List<Integer> unacknowledgedAtSend) {
        var sent = new ArrayList<Future<RecordMetadata>>();
        return Intercept.of(Producer.class, producer, call -> {
            if (call.named("send")) {
                unacknowledgedAtSend.add((int) sent.stream().filter(future -> !future.isDone()).count());
                var future = (Future<RecordMetadata>) call.proceed();
                sent.add(future);
                return future;
            }
            return call.proceed();
        });
    }

    /** Order o-k's events: quantity 1, 2, 3 ... in the order they must be applied. */
    private static List<OrderPlaced> orders(int count) {
        return IntStream.range(0, count).mapToObj(i -> new OrderPlaced("o-" + (i % 50), "sku-" + i, i / 50 + 1)).toList();
    }

    private static void report(double syncPerSecond, double asyncPerSecond) {
        new BarChart("3.3 sends per second, " + MEASURED + " orders, one broker in the test JVM", "sends/s")
                .bar("synchronous", syncPerSecond)
                .bar("asynchronous", asyncPerSecond)
                .write("week03-send-throughput");
    }
}
