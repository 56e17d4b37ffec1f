package lab.week02;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import lab.kit.junit.Intercept;
import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.clients.producer.RoundRobinPartitioner;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@WithKafka
@Tag("ex2.8")
@DisplayName("2.8 Keyless records: sticky vs round-robin")
class KeylessSpreadTest {

    private static final int RECORDS = 30;

    @Test
    @DisplayName("the default partitioner keeps a batch's keyless records on one partition")
    void stickyKeepsBatchTogether(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("page-views", 3);
        // A long linger gathers all 30 small records into one batch; the sticky partition changes only
        // once batch.size (16 KB) has gone to it.
        var producer = producer(kafka, Map.of(ProducerConfig.LINGER_MS_CONFIG, 1000));

        var spread = KeylessSpread.sendKeyless(sendingAllBeforeWaiting(producer), topic, RECORDS);

        assertThat(spread).as("records per partition with the default (sticky) partitioner").hasSize(1);
        assertThat(spread.values()).as("all records counted").containsExactly(RECORDS);
        assertThat(recordsPerRequest(producer)).as("records per Produce request (1.0: each send waited for its "
                + "acknowledgement before the next, so nothing was batched)").isGreaterThan(1.0);
    }

    @Test
    @DisplayName("RoundRobinPartitioner spreads keyless records over the partitions")
    void roundRobinSpreads(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("page-views", 3);
        var producer = producer(kafka, Map.of(ProducerConfig.LINGER_MS_CONFIG, 1000,
                ProducerConfig.PARTITIONER_CLASS_CONFIG, RoundRobinPartitioner.class));

        var spread = KeylessSpread.sendKeyless(sendingAllBeforeWaiting(producer), topic, RECORDS);

        assertThat(spread).as("records per partition with RoundRobinPartitioner").hasSizeGreaterThan(1);
        assertThat(spread.values().stream().mapToInt(Integer::intValue).sum()).as("all records counted").isEqualTo(RECORDS);
    }

    /**
     * The producer, whose acknowledgements refuse to be waited for before all {@link #RECORDS} records are
     * sent: waiting for each one sends one record per request, after {@code linger.ms} each (30 s here).
     */
    @SuppressWarnings("unchecked") // the stand-in is of the raw interface; send returns a Future<RecordMetadata>
    private static Producer<String, String> sendingAllBeforeWaiting(Producer<String, String> producer) {
        var sends = new AtomicInteger();
        return Intercept.of(Producer.class, producer, call -> {
            if (!call.named("send")) {
                return call.proceed();
            }
            var ack = (Future<RecordMetadata>) call.proceed();
            sends.incrementAndGet();
            return new WatchedAck(ack, sends);
        });
    }

    /** An acknowledgement that fails the test when waited for before every record was sent. */
    private record WatchedAck(Future<RecordMetadata> ack, AtomicInteger sends) implements Future<RecordMetadata> {

        @Override
        public RecordMetadata get() throws InterruptedException, ExecutionException {
            refuseEarlyWait();
            return ack.get();
        }

        @Override
        public RecordMetadata get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
            refuseEarlyWait();
            return ack.get(timeout, unit);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return ack.cancel(mayInterruptIfRunning);
        }

        @Override
        public boolean isCancelled() {
            return ack.isCancelled();
        }

        @Override
        public boolean isDone() {
            return ack.isDone();
        }

        private void refuseEarlyWait() {
            if (sends.get() < RECORDS) {
                throw new AssertionError("An acknowledgement was awaited after " + sends.get() + " of " + RECORDS
                        + " sends: waiting for each one sends one record per request, with no batching (and a "
                        + "linger.ms wait each). Send all, keep the futures, then wait.");
            }
        }
    }

    private static double recordsPerRequest(KafkaProducer<String, String> producer) {
        return producer.metrics().entrySet().stream()
                .filter(metric -> metric.getKey().group().equals("producer-metrics")
                        && metric.getKey().name().equals("records-per-request-avg"))
                .mapToDouble(metric -> ((Number) metric.getValue().metricValue()).doubleValue())
                .findFirst().orElseThrow();
    }

    private static KafkaProducer<String, String> producer(KafkaLab kafka, Map<String, Object> settings) {
        var config = kafka.producerConfig();
        config.putAll(settings);
        return kafka.closeAfterTest(new KafkaProducer<>(config));
    }
}
