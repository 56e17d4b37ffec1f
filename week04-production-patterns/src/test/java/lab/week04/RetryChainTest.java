package lab.week04;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

import lab.kit.junit.Codec;
import lab.kit.junit.Background;
import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@WithKafka
@Tag("ex4.4")
@DisplayName("4.4 Retries on a chain of retry topics")
class RetryChainTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1), new SplittableRandom(7));

    private final RetryChain chain = new RetryChain("orders", 2, BACKOFF);

    @Test
    @DisplayName("a first failure goes to orders.retry.1, attempt 1, due after a backoff, headers kept")
    void firstHop() {
        var failed = record("orders", Map.of("trace-id", "t-1"));

        var hop = chain.nextHop(failed, new IllegalStateException("timeout"), NOW);

        assertThat(hop.topic()).as("topic after the first failure").isEqualTo("orders.retry.1");
        assertThat(text(hop.key())).as("key").isEqualTo("o-1");
        assertThat(text(hop.value())).as("value").isEqualTo("{\"orderId\":\"o-1\"}");
        assertThat(header(hop, "trace-id")).as("the record's own trace-id header").isEqualTo("t-1");
        assertThat(header(hop, RetryChain.ATTEMPT)).as(RetryChain.ATTEMPT).isEqualTo("1");
        var due = Instant.ofEpochMilli(Long.parseLong(header(hop, RetryChain.DUE_AT)));
        assertThat(due).as("%s: now plus a delay from backoff.delayFor(1), at most its 200 ms ceiling",
                RetryChain.DUE_AT).isBetween(NOW, NOW.plus(BACKOFF.ceiling(1)));
    }

    @Test
    @DisplayName("each hop is due at now plus the backoff's delay for its attempt")
    void dueAfterTheBackoffOfItsAttempt() {
        // Always the middle of [0, ceiling]: delayFor(1) is 100 ms, delayFor(2) 200 ms, and neither is 0 or the ceiling.
        var chain = new RetryChain("orders", 2, new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1), new MiddleOfTheWindow()));
        var first = record("orders", Map.of());
        var second = record("orders.retry.1", Map.of(RetryChain.ATTEMPT, "1", RetryChain.DUE_AT, "0"));

        var dues = List.of(chain.nextHop(first, new IllegalStateException("timeout"), NOW),
                chain.nextHop(second, new IllegalStateException("timeout"), NOW)).stream()
                .map(hop -> Duration.between(NOW, Instant.ofEpochMilli(Long.parseLong(header(hop, RetryChain.DUE_AT))))).toList();

        assertThat(dues).as("%s of each hop, with a random that always draws the middle of the window, minus now: "
                + "backoff.delayFor(1) and delayFor(2) (not 0: no backoff; not the ceiling: no jitter)", RetryChain.DUE_AT)
                .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    @DisplayName("a failure on orders.retry.1 goes to orders.retry.2, with one attempt header, not two")
    void secondHop() {
        var failed = record("orders.retry.1", Map.of(RetryChain.ATTEMPT, "1", RetryChain.DUE_AT, "0"));

        var hop = chain.nextHop(failed, new IllegalStateException("timeout"), NOW);

        assertThat(hop.topic()).as("topic after the second failure").isEqualTo("orders.retry.2");
        assertThat(hop.headers().headers(RetryChain.ATTEMPT)).as("%s headers on the hop (replace, do not add "
                + "a second)", RetryChain.ATTEMPT).hasSize(1);
        assertThat(header(hop, RetryChain.ATTEMPT)).as(RetryChain.ATTEMPT).isEqualTo("2");
        assertThat(hop.headers().headers(RetryChain.DUE_AT)).as("%s headers on the hop", RetryChain.DUE_AT).hasSize(1);
    }

    @Test
    @DisplayName("after the last retry the record is parked on orders.dlt, with the error")
    void lastHopIsTheDeadLetterTopic() {
        var failed = record("orders.retry.2", Map.of(RetryChain.ATTEMPT, "2", RetryChain.DUE_AT, "0"));

        var hop = chain.nextHop(failed, new IllegalStateException("still down"), NOW);

        assertThat(hop.topic()).as("topic after the retries are used up (2 retries)").isEqualTo("orders.dlt");
        assertThat(header(hop, DeadLetters.ERROR_MESSAGE)).as("the dead letter's error message (use 4.3's deadLetterOf)")
                .isEqualTo("still down");
        assertThat(header(hop, DeadLetters.ORIGINAL_TOPIC)).as(DeadLetters.ORIGINAL_TOPIC).isEqualTo("orders.retry.2");
    }

    @Test
    @DisplayName("end to end: a flaky order succeeds on its second retry, a bad one lands on the DLT, "
            + "and the orders behind them are not held up")
    void endToEnd(KafkaLab kafka) throws Exception {
        var main = kafka.createTopic("orders", 1);
        var chain = new RetryChain(main, 2, BACKOFF);
        kafka.createTopicsNamed(List.of(chain.retryTopic(1), chain.retryTopic(2), chain.deadLetterTopic()), 1);
        var handled = new ConcurrentLinkedQueue<String>();
        var calls = new ConcurrentHashMap<String, AtomicInteger>();
        RetryTopicService.Handler handler = record -> {
            var key = text(record.key());
            var call = calls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            if (key.equals("bad") || key.equals("flaky") && call <= 2) {
                throw new IllegalStateException("payment service answered 503 for " + key);
            }
            handled.add(key);
        };
        var producer = kafka.newProducer(Codec.BYTES);
        for (var key : List.of("flaky", "good-1", "bad", "good-2")) {
            producer.send(new ProducerRecord<>(main, bytes(key), bytes("{}"))).get();
        }

        var service = new RetryTopicService(kafka.newConsumer(kafka.manualCommitConfig(kafka.uniqueName("orders-service")), Codec.BYTES),
                producer, chain, handler, Clock.systemUTC());
        var running = Background.start("retry-service", service);
        try {
            running.awaitAsserted("flaky handled and bad parked", () -> {
                assertThat(List.copyOf(handled)).as("orders handled so far").contains("flaky");
                assertThat(kafka.recordCount(chain.deadLetterTopic())).as("records on %s", chain.deadLetterTopic()).isEqualTo(1);
            });
        } finally {
            service.shutdown();
            running.ended(Duration.ofSeconds(10)); // the consumer is closed on its own thread, not under it
        }

        assertThat(List.copyOf(handled)).as("orders handled, in order: good-1 and good-2 must not wait for "
                + "flaky's retries").containsExactly("good-1", "good-2", "flaky");
        assertThat(calls.get("flaky").get()).as("calls for flaky: the first try and 2 retries").isEqualTo(3);
        assertThat(calls.get("bad").get()).as("calls for bad: the first try and 2 retries, then parked").isEqualTo(3);
        var parked = kafka.newConsumer(kafka.manualCommitConfig(kafka.uniqueName("dlt-reader")), Codec.BYTES);
        parked.subscribe(List.of(chain.deadLetterTopic()));
        assertThat(text(LabAwait.records(parked, 1).get(0).key())).as("key of the parked order").isEqualTo("bad");
    }

    /** Draws the middle of every window: {@code nextLong(bound)} is {@code bound / 2}. */
    private static final class MiddleOfTheWindow implements RandomGenerator {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public long nextLong(long bound) {
            return bound / 2;
        }
    }

    private static ConsumerRecord<byte[], byte[]> record(String topic, Map<String, String> headers) {
        var recordHeaders = new RecordHeaders();
        headers.forEach((key, value) -> recordHeaders.add(key, bytes(value)));
        return new ConsumerRecord<>(topic, 0, 3L, 0L, TimestampType.CREATE_TIME, 0, 0, bytes("o-1"),
                bytes("{\"orderId\":\"o-1\"}"), recordHeaders, Optional.empty());
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String key) {
        var header = record.headers().lastHeader(key);
        return header == null ? null : text(header.value());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
