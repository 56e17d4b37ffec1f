package lab.week04;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import lab.kit.junit.Background;
import lab.kit.junit.KafkaLab;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker scenario 4.5 and 4.6 share: a {@link GuardedConsumer} in front of a payment service that
 * is down, then comes back. What must hold with any correct breaker: the consumer pauses once the
 * breaker opens, it does not call the service again before {@code OPEN_FOR} has passed, and once the
 * service is back every order is handled, in order, once.
 */
final class BreakerScenario {

    static final int THRESHOLD = 3;
    static final Duration OPEN_FOR = Duration.ofMillis(300);
    private static final int ORDERS = 20;
    private static final int PARTITIONS = 2;

    private BreakerScenario() {
    }

    static void run(KafkaLab kafka, Breaker breaker) throws Exception {
        // Two partitions: when the breaker opens mid-batch, the other partition's fetched records must not be skipped.
        var topic = kafka.createTopic("payments", PARTITIONS);
        var orders = new ArrayList<ProducerRecord<String, String>>();
        for (var i = 0; i < ORDERS; i++) {
            orders.add(new ProducerRecord<>(topic, i % PARTITIONS, "o-" + i, "{\"amount\":" + i + "}"));
        }
        kafka.produce(orders);
        var payments = new PaymentService();
        var consumer = new GuardedConsumer(kafka.newConsumer(kafka.manualCommitConfig(kafka.uniqueName("payments"))), topic, breaker, payments);

        var running = Background.start("guarded-consumer", consumer);
        try {
            running.awaitUntil("the consumer to pause once the breaker opened (does allowsCall() ever say no?)",
                    consumer::isPaused);
            running.awaitUntil("two failed half-open trials after the first " + THRESHOLD + " failures (does the "
                    + "breaker let a trial through once openFor has passed?)", () -> payments.failedAt.size() >= THRESHOLD + 2);
            payments.up = true;
            running.awaitAsserted("all " + ORDERS + " orders paid once the service is back", () -> assertThat(
                    payments.paid).as("orders paid so far (does a successful trial close the breaker?)").hasSizeGreaterThanOrEqualTo(ORDERS));

            assertThat(firstBurst(payments.failedAt)).as("failed calls before the first pause of at least %s "
                    + "(the breaker should open after %d failures in a row)", OPEN_FOR, THRESHOLD).isEqualTo(THRESHOLD);
            assertThat(gapsAfterOpening(payments.failedAt)).as("time between failed calls once the breaker was "
                    + "open: each trial must wait %s (did allowsCall() refuse while open?)", OPEN_FOR)
                    .allMatch(gap -> gap.compareTo(OPEN_FOR) >= 0);
            var paid = List.copyOf(payments.paid);
            assertThat(paid).as("orders paid, each once").containsExactlyInAnyOrderElementsOf(keys(orders, null));
            for (var partition = 0; partition < PARTITIONS; partition++) {
                var ofPartition = keys(orders, partition);
                assertThat(paid.stream().filter(ofPartition::contains).toList())
                        .as("orders of partition %d, in the order they were paid", partition).containsExactlyElementsOf(ofPartition);
            }
            assertThat(breaker.state()).as("breaker state once the service is back").isEqualTo(Breaker.State.CLOSED);
        } finally {
            consumer.shutdown();
            running.ended(Duration.ofSeconds(10)); // the consumer is closed on its own thread, not under it
        }
    }

    /** The orders' keys, in the order they were sent: all of them, or those of one partition. */
    private static List<String> keys(List<ProducerRecord<String, String>> orders, Integer partition) {
        return orders.stream().filter(order -> partition == null || partition.equals(order.partition()))
                .map(ProducerRecord::key).toList();
    }

    /** How many failures came one right after another before the first wait of OPEN_FOR: the breaker's threshold. */
    private static int firstBurst(List<Instant> failedAt) {
        var burst = 1;
        while (burst < failedAt.size()
                && Duration.between(failedAt.get(burst - 1), failedAt.get(burst)).compareTo(OPEN_FOR) < 0) {
            burst++;
        }
        return burst;
    }

    /** The gaps between failure THRESHOLD (when the breaker opened) and each later failure (the trials). */
    private static List<Duration> gapsAfterOpening(List<Instant> failedAt) {
        var gaps = new ArrayList<Duration>();
        for (var i = THRESHOLD; i < failedAt.size(); i++) {
            gaps.add(Duration.between(failedAt.get(i - 1), failedAt.get(i)));
        }
        return gaps;
    }

    /** A payment service that fails every call until {@code up}, recording when. */
    private static final class PaymentService implements GuardedConsumer.Downstream {
        private final List<Instant> failedAt = new CopyOnWriteArrayList<>();
        private final ConcurrentLinkedQueue<String> paid = new ConcurrentLinkedQueue<>();
        private volatile boolean up;

        @Override
        public void call(ConsumerRecord<String, String> record) {
            if (!up) {
                failedAt.add(Instant.now());
                throw new IllegalStateException("payment service: 503 Service Unavailable");
            }
            paid.add(record.key());
        }
    }
}
