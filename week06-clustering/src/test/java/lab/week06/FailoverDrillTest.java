package lab.week06;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.WithKafka;
import lab.kit.report.BarChart;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four ways Apache Kafka's own system tests take a partition leader down, each while a producer with
 * 6.3's settings writes an order every 5 ms: clean shutdown (SIGTERM), hard kill (SIGKILL), clean bounce
 * and hard bounce (the same, then started again). Their invariant: every acknowledged record is read back,
 * none twice. The producer's longest wait for an acknowledgement is measured per mode and drawn as a
 * chart (target/&lt;track&gt;/reports/week06-failover-stall.svg): after a kill the controller must first
 * notice the missing heartbeats (broker.session.timeout.ms, 2.5 s in the lab, 9 s by default).
 */
@WithKafka(brokers = 3, processes = true)
@Tag("ex6.3")
@DisplayName("6.3 Writes that survive a broker's crash: the failover drill")
class FailoverDrillTest {

    /** Acknowledgements to see before the failure (traffic is flowing) and after it (a new leader serves). */
    private static final int ACKS_AROUND_FAILURE = 100;
    private static final Map<String, Duration> STALLS = new java.util.LinkedHashMap<>();

    enum Mode { CLEAN_SHUTDOWN, HARD_KILL, CLEAN_BOUNCE, HARD_BOUNCE }

    @Test
    @DisplayName("in all four ways a leader goes down, every acknowledged order is read back once; a kill stalls longer")
    void fourWays(KafkaLab kafka) throws Exception {
        for (var mode : Mode.values()) {
            var drill = drill(kafka, mode);
            Counts.print("failover " + mode.name().toLowerCase(), drill.acknowledged, drill.readBack, drill.failed.size());

            assertThat(drill.failed).as("%s: sends that failed", mode).isEmpty();
            assertThat(drill.readBack).as("%s: the %d acknowledged orders, read back", mode, drill.acknowledged.size())
                    .hasSize(drill.acknowledged.size()).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(drill.acknowledged);
            STALLS.put(mode.name().toLowerCase().replace('_', ' '), drill.longestWait);
        }

        var chart = new BarChart("6.3 the producer's longest wait for an acknowledgement while the leader goes down"
                + " (3 broker processes, broker.session.timeout.ms 2500)", "ms");
        STALLS.forEach((mode, stall) -> chart.bar(mode, stall.toMillis()));
        chart.write("week06-failover-stall");
        assertThat(STALLS.get("hard kill")).as("longest wait after a hard kill, beside a clean shutdown's %s: a killed"
                + " broker is fenced only after its session times out", STALLS.get("clean shutdown"))
                .isGreaterThan(STALLS.get("clean shutdown"));
    }

    private static Drill drill(KafkaLab kafka, Mode mode) throws Exception {
        var topic = kafka.uniqueName("orders");
        kafka.admin().createTopics(List.of(DurableWrites.ordersTopic(topic, 1))).all().get();
        kafka.awaitTopicReady(topic);
        var leader = kafka.admin().describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                .partitions().get(0).leader().id();
        var drill = new Drill();
        var writing = new AtomicBoolean(true);
        var writer = CompletableFuture.runAsync(() -> drill.write(kafka, topic, writing));

        try {
            drill.awaitAcknowledgedSince(drill.startedAt, "before the leader goes down");
            drill.failureAt = System.nanoTime();
            switch (mode) {
                case CLEAN_SHUTDOWN -> kafka.cluster().stopBroker(leader);
                case HARD_KILL -> kafka.cluster().killBroker(leader);
                case CLEAN_BOUNCE -> {
                    kafka.cluster().stopBroker(leader);
                    kafka.cluster().startBroker(leader);
                }
                case HARD_BOUNCE -> {
                    kafka.cluster().killBroker(leader);
                    kafka.cluster().startBroker(leader);
                }
            }
            drill.awaitAcknowledgedSince(System.nanoTime(), "after " + mode + " of leader " + leader + ", through the new leader");
        } finally {
            writing.set(false);
            writer.join();
        }
        kafka.cluster().startBrokers(kafka.cluster().stoppedBrokers());
        drill.readBack.addAll(kafka.readAll(topic, drill.acknowledged.size()).stream().map(ConsumerRecord::key).toList());
        return drill;
    }

    private static final class Drill {
        private final List<String> acknowledged = new ArrayList<>();
        private final ConcurrentLinkedQueue<String> failed = new ConcurrentLinkedQueue<>();
        private final List<String> readBack = new ArrayList<>();
        private Duration longestWait = Duration.ZERO;
        /** When the leader was taken down: waits are measured from sends shortly before it, not the warm-up. */
        private volatile long failureAt = Long.MAX_VALUE;
        private final long startedAt = System.nanoTime();
        /** The send time of every acknowledged order, as the acknowledgements arrive. */
        private final ConcurrentLinkedQueue<Long> acknowledgedSentAt = new ConcurrentLinkedQueue<>();

        /** Waits until {@link #ACKS_AROUND_FAILURE} orders sent after {@code since} are acknowledged. */
        void awaitAcknowledgedSince(long since, String when) {
            try {
                LabAwait.until(ACKS_AROUND_FAILURE + " orders acknowledged " + when)
                        .until(() -> acknowledgedSince(since) >= ACKS_AROUND_FAILURE || !failed.isEmpty());
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("Only " + acknowledgedSince(since) + " orders were acknowledged " + when + " within "
                        + LabAwait.TIMEOUT.toSeconds() + " s: the writes stalled. With one broker of three down, can the"
                        + " partition still take acks=all writes (min.insync.replicas)?", e);
            }
        }

        private long acknowledgedSince(long since) {
            return acknowledgedSentAt.stream().filter(sentAt -> sentAt >= since).count();
        }

        void write(KafkaLab kafka, String topic, AtomicBoolean writing) {
            var settings = new HashMap<String, Object>(DurableWrites.producerSettings());
            settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
            settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
            var sends = new ArrayList<CompletableFuture<Long>>();
            var keys = new ArrayList<String>();
            var sentAtNanos = new ArrayList<Long>();
            try (var producer = kafka.newProducer(settings)) {
                for (int i = 0; writing.get(); i++) {
                    var key = "o-" + i;
                    var sentAt = System.nanoTime();
                    var acked = new CompletableFuture<Long>();
                    producer.send(new ProducerRecord<>(topic, key, "order.created"), (metadata, error) -> {
                        if (error != null) {
                            failed.add(key + ": " + error);
                        } else {
                            acknowledgedSentAt.add(sentAt);
                        }
                        acked.complete(error == null ? System.nanoTime() - sentAt : -1L);
                    });
                    sends.add(acked);
                    keys.add(key);
                    sentAtNanos.add(sentAt);
                    TimeUnit.MILLISECONDS.sleep(5);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (int i = 0; i < sends.size(); i++) {
                var waited = sends.get(i).join();
                if (waited >= 0) {
                    acknowledged.add(keys.get(i));
                }
                if (waited >= 0 && sentAtNanos.get(i) >= failureAt - TimeUnit.SECONDS.toNanos(1)) {
                    longestWait = longestWait.compareTo(Duration.ofNanos(waited)) > 0 ? longestWait : Duration.ofNanos(waited);
                }
            }
        }
    }
}
