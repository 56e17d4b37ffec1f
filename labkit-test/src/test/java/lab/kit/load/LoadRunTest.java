package lab.kit.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import lab.kit.broker.LabSetupException;
import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

@WithKafka
@DisplayName("The load tool's engine")
class LoadRunTest {

    @Test
    @DisplayName("open loop at a target rate: every record acknowledged and read back end to end, a line a second")
    void openLoop(KafkaLab kafka) {
        var topic = kafka.uniqueName("load");
        LoadRun.ensureTopic(kafka.bootstrapServers(), topic, 3, Duration.ofSeconds(5));
        var lines = new java.util.concurrent.CopyOnWriteArrayList<String>();

        var report = LoadRun.run(new LoadPlan(kafka.bootstrapServers(), topic, Workload.orders().keys(100, 1.0), 2000, 0,
                Duration.ofMillis(1500), true, Map.of()), lines::add);

        assertThat(report.sent()).as("records sent in 1.5 s at 2,000 a second").isBetween(2900L, 3000L);
        assertThat(report.acknowledged()).as("acknowledged, of %d sent", report.sent()).isEqualTo(report.sent());
        assertThat(report.failed()).isZero();
        assertThat(report.endToEnd().count()).as("records read back end to end").isEqualTo(report.acknowledged());
        assertThat(kafka.recordCount(topic)).as("records in the topic").isEqualTo(report.acknowledged());
        assertThat(lines).as("progress lines").isNotEmpty().allMatch(line -> line.contains("acknowledged"));
        assertThat(report.timeline().stream().mapToLong(LoadReport.Second::acknowledged).sum())
                .as("the timeline's seconds add up to the acknowledged records").isEqualTo(report.acknowledged());
        assertThat(report.ackLatency().p99()).as("corrected p99 against the service time's")
                .isGreaterThanOrEqualTo(report.serviceTime().p99());
    }

    @Test
    @DisplayName("corrects coordinated omission: a 400 ms stall of send() shows in the ack latency, not in the service time")
    void coordinatedOmission(KafkaLab kafka) {
        var topic = kafka.uniqueName("load-stall");
        LoadRun.ensureTopic(kafka.bootstrapServers(), topic, 1, Duration.ofSeconds(5));
        StallOnce.SENDS.set(0);

        var report = LoadRun.run(new LoadPlan(kafka.bootstrapServers(), topic, Workload.fixedSize(100), 1000, 1500, null, false,
                Map.of(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, StallOnce.class.getName())), line -> { });

        assertThat(report.acknowledged()).isEqualTo(1500);
        // 400 records fell due during the stall: a fifth of the run waited between 0 and 400 ms.
        assertThat(report.ackLatency().p90()).as("ack latency p90, counted from when records were due").isGreaterThan(100);
        assertThat(report.ackLatency().max()).as("ack latency max").isGreaterThan(350);
        assertThat(report.serviceTime().p90()).as("service time p90, counted from the send call: blind to the stall")
                .isLessThan(100);
    }

    @Test
    @DisplayName("flat out: a report as JSON and two charts")
    void flatOutWithFiles(KafkaLab kafka, @org.junit.jupiter.api.io.TempDir Path folder) throws Exception {
        var topic = kafka.uniqueName("load-flat");
        LoadRun.ensureTopic(kafka.bootstrapServers(), topic, 3, Duration.ofSeconds(5));

        var report = LoadRun.run(new LoadPlan(kafka.bootstrapServers(), topic, Workload.fixedSize(100), 0, 20_000, null, false,
                Map.of(ProducerConfig.LINGER_MS_CONFIG, 5)), line -> { });
        var json = report.writeJson(folder.resolve("load.json"));
        var charts = report.writeCharts(folder, "load");

        assertThat(report.acknowledged()).as("acknowledged of 20,000 sent flat out; %d failed, first errors %s, in %.1f s",
                report.failed(), report.firstErrors(), report.seconds()).isEqualTo(20_000);
        assertThat(report.megabytesPerSecond()).as("MB/s of 100-byte records").isCloseTo(
                report.recordsPerSecond() * 100 / 1e6, org.assertj.core.data.Offset.offset(0.01));
        var read = new ObjectMapper().readTree(json.toFile());
        assertThat(read.get("acknowledged").asLong()).as("acknowledged, in the JSON").isEqualTo(20_000);
        assertThat(read.get("ackLatency").get("p99").asDouble()).as("p99 in the JSON").isEqualTo(report.ackLatency().p99());
        assertThat(charts).hasSize(2).allMatch(Files::exists);
    }

    @Test
    @DisplayName("a bootstrap address where no broker answers: an error that says what to do, at once")
    void unreachable() {
        var refused = catchThrowable(() -> LoadRun.ensureTopic("localhost:1", "load", 1, Duration.ofSeconds(2)));
        var malformed = catchThrowable(() -> LoadRun.ensureTopic("no-port-here", "load", 1, Duration.ofSeconds(2)));

        assertThat(refused).isInstanceOf(LabSetupException.class).hasMessageContaining("localhost:1")
                .hasMessageContaining("./lab broker");
        assertThat(malformed).isInstanceOf(LabSetupException.class).hasMessageContaining("host:port");
    }

    @Test
    @DisplayName("skewed keys: Zipf 1.2 over 100 keys gives the hottest key over a quarter of the records; uniform about 1%")
    void keySkew() {
        var random = new SplittableRandom(1);
        var skewed = KeyChooser.of(100, 1.2);
        var uniform = KeyChooser.of(100, 0);
        var hotSkewed = 0;
        var hotUniform = 0;
        for (int i = 0; i < 100_000; i++) {
            hotSkewed += skewed.next(random) == 0 ? 1 : 0;
            hotUniform += uniform.next(random) == 0 ? 1 : 0;
        }

        assertThat(hotSkewed / 1000.0).as("%% of records on the hottest key, skew 1.2").isBetween(25.0, 31.0);
        assertThat(hotUniform / 1000.0).as("%% of records on the hottest key, uniform").isBetween(0.7, 1.3);
        assertThat(KeyChooser.of(0, 0).next(random)).as("no keys").isEqualTo(-1);
    }

    /** Blocks send() for 400 ms on the 500th record: what a full buffer or a metadata wait does to a producer. */
    public static final class StallOnce implements ProducerInterceptor<byte[], byte[]> {

        static final AtomicLong SENDS = new AtomicLong();

        @Override
        public ProducerRecord<byte[], byte[]> onSend(ProducerRecord<byte[], byte[]> record) {
            if (SENDS.incrementAndGet() == 500) {
                try {
                    TimeUnit.MILLISECONDS.sleep(400); // the stall under test, not a wait for a result
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return record;
        }

        @Override
        public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        }

        @Override
        public void close() {
        }

        @Override
        public void configure(Map<String, ?> configs) {
        }
    }
}
