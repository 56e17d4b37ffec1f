package lab.week07;

import java.time.Duration;
import java.util.Map;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import lab.kit.load.LoadPlan;
import lab.kit.load.LoadReport;
import lab.kit.load.LoadRun;
import lab.kit.load.Workload;
import lab.kit.report.BarChart;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The learner's two producer profiles, each run by the lab's load tool on a real broker with the same
 * workload (order events at 4,000 a second for 3 s, open loop), after a warm-up. The tests check
 * directions that hold on any machine, never absolute speeds: many more records per request with the
 * throughput profile, compressed; a much lower median latency with the latency profile; and neither
 * weakens durability. The figures go to the console and to a chart (target/&lt;track&gt;/reports/).
 */
@WithKafka
@Tag("ex7.8")
@DisplayName("7.8 Tuning the producer: throughput or latency")
class ProducerTuningTest {

    private static final double RATE = 4000;
    private static Runs runs;

    @Test
    @DisplayName("neither profile weakens durability: acks stays all and idempotence on")
    void keepsDurability() {
        for (var profile : Map.of("forThroughput", ProducerTuning.forThroughput(), "forLatency", ProducerTuning.forLatency()).entrySet()) {
            var settings = profile.getValue();
            assertThat(String.valueOf(settings.getOrDefault(ProducerConfig.ACKS_CONFIG, "all"))).as("%s: acks (tuning for"
                    + " speed must not give up the acknowledgement of every in-sync replica)", profile.getKey()).isIn("all", "-1");
            assertThat(String.valueOf(settings.getOrDefault(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true"))).as("%s: %s",
                    profile.getKey(), ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG).isEqualTo("true");
        }
    }

    @Test
    @DisplayName("the throughput profile packs at least 4 times as many records into a request as the latency profile")
    void largerRequests(KafkaLab kafka) {
        var measured = runs(kafka);

        assertThat(perRequest(measured.throughput)).as("records per request with forThroughput(), beside %.1f with"
                + " forLatency(): do batches get time to fill (linger.ms) and room to fill (batch.size)?",
                perRequest(measured.latency)).isGreaterThanOrEqualTo(4 * perRequest(measured.latency));
    }

    @Test
    @DisplayName("the throughput profile compresses the orders to 0.7 of their size or less")
    void compressed(KafkaLab kafka) {
        var measured = runs(kafka);

        assertThat(measured.throughput.producerMetrics().get("compression-rate-avg")).as("compression-rate-avg with"
                + " forThroughput() (compressed size over original; 1.0 means not compressed)").isLessThanOrEqualTo(0.7);
    }

    @Test
    @DisplayName("the latency profile halves the median acknowledgement latency of the throughput profile, or better")
    void fasterAcknowledgements(KafkaLab kafka) {
        var measured = runs(kafka);

        assertThat(measured.latency.ackLatency().p50()).as("median ack latency (ms) with forLatency(), beside %.1f ms with"
                + " forThroughput(): does a record still wait for a batch (linger.ms)?", measured.throughput.ackLatency().p50())
                .isLessThanOrEqualTo(measured.throughput.ackLatency().p50() / 2);
    }

    private static double perRequest(LoadReport report) {
        return report.producerMetrics().get("records-per-request-avg");
    }

    private static synchronized Runs runs(KafkaLab kafka) {
        if (runs == null) {
            runs = new Runs(kafka);
        }
        return runs;
    }

    /** The two profiles, measured once per JVM, and drawn. */
    private static final class Runs {
        private final LoadReport latency;
        private final LoadReport throughput;

        Runs(KafkaLab kafka) {
            var forLatency = ProducerTuning.forLatency(); // first: an unfinished profile fails before any load
            var forThroughput = ProducerTuning.forThroughput();
            run(kafka, Map.of(), Duration.ofSeconds(1)); // warm-up: the broker's and the producer's JIT, not measured
            latency = run(kafka, forLatency, Duration.ofSeconds(3));
            throughput = run(kafka, forThroughput, Duration.ofSeconds(3));
            for (var entry : Map.of("forLatency()", latency, "forThroughput()", throughput).entrySet()) {
                var report = entry.getValue();
                System.out.printf("[lab] 7.8 %-16s %6.1f records/request  compression %.2f  ack p50 %5.1f ms  p99 %5.1f ms%n",
                        entry.getKey(), perRequest(report), report.producerMetrics().get("compression-rate-avg"),
                        report.ackLatency().p50(), report.ackLatency().p99());
            }
            new BarChart("7.8 the two producer profiles at 4,000 orders/s: median and p99 acknowledgement latency", "ms")
                    .bar("forLatency() p50", latency.ackLatency().p50()).bar("forLatency() p99", latency.ackLatency().p99())
                    .bar("forThroughput() p50", throughput.ackLatency().p50()).bar("forThroughput() p99", throughput.ackLatency().p99())
                    .write("week07-producer-tuning");
        }

        private static LoadReport run(KafkaLab kafka, Map<String, Object> settings, Duration duration) {
            var topic = kafka.createTopic("tuning", 6);
            return LoadRun.run(new LoadPlan(kafka.bootstrapServers(), topic, Workload.orders(), RATE, 0, duration, false,
                    settings), line -> { });
        }
    }
}
