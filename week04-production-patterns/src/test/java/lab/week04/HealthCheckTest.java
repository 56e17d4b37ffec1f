package lab.week04;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import lab.kit.junit.Background;
import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The broker sits behind the kit's faulty link, so a test can cut the service off from it. */
@WithKafka(faultyLink = true)
@Tag("ex4.12")
@DisplayName("4.12 A health check that tells the truth")
class HealthCheckTest {

    // The loop polls every 100 ms; 2 s leaves room for a busy machine's pauses before "not polling" is true.
    private static final Duration MAX_POLL_GAP = Duration.ofSeconds(2);
    private static final long MAX_LAG = 10;
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(1);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @DisplayName("a running service is UP: 200, with broker, consumer and lag each UP")
    void healthy(KafkaLab kafka) throws Exception {
        try (var service = OrdersService.start(kafka)) {
            service.activity.polled(Instant.now());
            try (var server = HealthServer.start(0, healthCheck(kafka, service)::check)) {

                var response = awaitStatus(server, 200);

                assertThat(response.path("checks").path("broker").path("status").asText()).as("broker").isEqualTo("UP");
                assertThat(response.path("checks").path("consumer").path("status").asText()).as("consumer").isEqualTo("UP");
                assertThat(response.path("checks").path("lag").path("status").asText()).as("lag").isEqualTo("UP");
            }
        }
    }

    @Test
    @DisplayName("broker unreachable: 503, and the broker check says so, within its timeout")
    void brokerUnreachable(KafkaLab kafka) throws Exception {
        try (var service = OrdersService.start(kafka);
             var server = HealthServer.start(0, healthCheck(kafka, service)::check)) {
            awaitStatus(server, 200);

            kafka.link().cutOff();
            var response = awaitStatus(server, 503);

            assertThat(response.path("checks").path("broker").path("status").asText()).as("broker check with the "
                    + "link cut").isEqualTo("DOWN");
            assertThat(response.path("checks").path("broker").path("detail").asText()).as("broker detail")
                    .containsIgnoringCase("unreachable");
            assertThat(response.path("checks").path("consumer").path("status").asText()).as("consumer check: the loop "
                    + "still polls (and gets nothing), so it is not the consumer that is broken").isEqualTo("UP");
            var started = System.nanoTime();
            var again = get(server);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("time GET /health took with the broker "
                    + "unreachable: a probe gives up after its own timeout, so the check must answer within its %s, "
                    + "not wait for the admin client's default of 60 s", CHECK_TIMEOUT)
                    .isLessThan(CHECK_TIMEOUT.multipliedBy(5));
            assertThat(again.statusCode()).as("status of that GET").isEqualTo(503);
        }
    }

    @Test
    @DisplayName("a poll loop stuck in a handler: 503, the consumer check says how long since the last poll")
    void consumerNotPolling(KafkaLab kafka) throws Exception {
        try (var service = OrdersService.start(kafka);
             var server = HealthServer.start(0, healthCheck(kafka, service)::check)) {
            awaitStatus(server, 200);

            service.stickOnNextOrder();
            kafka.produce(List.of(new ProducerRecord<>(service.topic, "o-1", "{}")));
            var response = awaitStatus(server, 503);

            assertThat(response.path("checks").path("consumer").path("status").asText()).as("consumer check while the "
                    + "handler is stuck").isEqualTo("DOWN");
            assertThat(response.path("checks").path("consumer").path("detail").asText()).as("consumer detail")
                    .contains("ms ago");
            assertThat(response.path("checks").path("broker").path("status").asText()).as("broker").isEqualTo("UP");
        }
    }

    @Test
    @DisplayName("a group far behind: 503, the lag check gives the number")
    void lagging(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 2);
        var group = kafka.uniqueName("orders-service");
        kafka.admin().alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(0),
                new TopicPartition(topic, 1), new OffsetAndMetadata(0))).all().get();
        var activity = new ServiceActivity();
        activity.polled(Instant.now());
        // Only lag is on trial: a poll gap of a day keeps the consumer check UP without a poll loop.
        var check = new HealthCheck(kafka.admin(), group, activity, Duration.ofDays(1), MAX_LAG, CHECK_TIMEOUT, Clock.systemUTC());
        try (var server = HealthServer.start(0, check::check)) {
            awaitStatus(server, 200);

            kafka.produce(IntStream.range(0, 50)
                    .mapToObj(i -> new ProducerRecord<>(topic, "o-" + i, "{}")).toList());
            var response = awaitStatus(server, 503);

            assertThat(response.path("checks").path("lag").path("status").asText()).as("lag check, 50 records behind")
                    .isEqualTo("DOWN");
            assertThat(response.path("checks").path("lag").path("detail").asText()).as("lag detail").contains("50");
        }
    }

    @Test
    @DisplayName("the consumer check is DOWN once the last poll is older than the allowed gap, and says how long ago")
    void consumerCheckMeasuresTheGap(KafkaLab kafka) {
        var clock = new ManualClock();
        var activity = new ServiceActivity();
        activity.polled(clock.instant());
        var check = new HealthCheck(kafka.admin(), kafka.uniqueName("orders-service"), activity, MAX_POLL_GAP, MAX_LAG,
                CHECK_TIMEOUT, clock);

        var fresh = check.check().checks().get("consumer");
        clock.advance(Duration.ofSeconds(3));
        var stale = check.check().checks().get("consumer");

        assertThat(fresh.up()).as("consumer check right after a poll, whose detail was '%s'", fresh.detail()).isTrue();
        assertThat(stale.up()).as("consumer check, 3 s after the last poll (allowed gap %s), whose detail was '%s': "
                + "a loop that polled once and then got stuck is not healthy", MAX_POLL_GAP, stale.detail()).isFalse();
        assertThat(stale.detail()).as("consumer detail, 3 s after the last poll (by the check's clock)").contains("3000 ms ago");
    }

    @Test
    @DisplayName("the lag is each partition's end offset minus the group's committed offset, summed")
    void lagIsEndMinusCommitted(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 2);
        var group = kafka.uniqueName("orders-service");
        var orders = new ArrayList<ProducerRecord<String, String>>();
        for (var i = 0; i < 30; i++) {
            orders.add(new ProducerRecord<>(topic, i % 2, "o-" + i, "{}"));
        }
        kafka.produce(orders);
        kafka.admin().alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(10),
                new TopicPartition(topic, 1), new OffsetAndMetadata(0))).all().get();
        var activity = new ServiceActivity();
        activity.polled(Instant.now());
        var check = new HealthCheck(kafka.admin(), group, activity, Duration.ofDays(1), MAX_LAG, CHECK_TIMEOUT, Clock.systemUTC());

        var lag = check.check().checks().get("lag");

        assertThat(lag.detail()).as("lag detail, 20 records behind: 15 records on each of 2 partitions, committed at "
                + "10 and 0 (end minus committed, per partition, summed; not the records on the topic)")
                .containsPattern("\\b20\\b");
        assertThat(lag.up()).as("lag check, 20 records behind (allowed: %d), whose detail was '%s'", MAX_LAG, lag.detail())
                .isFalse();
    }

    private static HealthCheck healthCheck(KafkaLab kafka, OrdersService service) {
        return new HealthCheck(kafka.admin(), service.group, service.activity, MAX_POLL_GAP, MAX_LAG, CHECK_TIMEOUT,
                Clock.systemUTC());
    }

    /** GETs /health until it answers {@code status}; returns the body. Fails at once on a 500 (the check threw). */
    private static JsonNode awaitStatus(HealthServer server, int status) {
        var last = new AtomicReference<HttpResponse<String>>();
        LabAwait.until("GET " + server.uri() + " to answer " + status).untilAsserted(() -> {
            last.set(get(server));
            if (last.get().statusCode() == 500) {
                throw new IllegalStateException("GET /health answered 500: " + last.get().body());
            }
            assertThat(last.get().statusCode()).as("status of GET /health, whose body was %s", last.get().body())
                    .isEqualTo(status);
        });
        try {
            return JSON.readTree(last.get().body());
        } catch (IOException e) {
            throw new AssertionError("GET /health answered " + status + " with a body that is not JSON: "
                    + last.get().body(), e);
        }
    }

    private static HttpResponse<String> get(HealthServer server) throws IOException, InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(server.uri()).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new IllegalStateException("GET /health took over 10 s: a probe would have given up long before. Bound "
                    + "every admin call by the check's timeout (get(timeout, unit) on its futures, or the call's "
                    + "timeoutMs option)", e);
        }
    }

    /** A small orders service: a poll loop that reports each poll, commits, and can be made to hang in a handler. */
    private static final class OrdersService implements AutoCloseable {
        private final String topic;
        private final String group;
        private final ServiceActivity activity = new ServiceActivity();
        private final Consumer<String, String> consumer;
        private final CountDownLatch unstick = new CountDownLatch(1);
        private final Background loop;
        private volatile boolean stickOnNext;
        private volatile boolean running = true;

        private OrdersService(KafkaLab kafka) {
            topic = kafka.createTopic("orders", 1);
            group = kafka.uniqueName("orders-service");
            consumer = kafka.newConsumer(kafka.manualCommitConfig(group)); // it commits itself
            loop = Background.start("orders-service", this::run);
        }

        static OrdersService start(KafkaLab kafka) {
            return new OrdersService(kafka);
        }

        void stickOnNextOrder() {
            stickOnNext = true;
        }

        private void run() {
            consumer.subscribe(List.of(topic));
            try {
                while (running) {
                    var orders = consumer.poll(Duration.ofMillis(100));
                    activity.polled(Instant.now());
                    if (orders.isEmpty()) {
                        continue; // nothing to commit (a commit would block while the broker is unreachable)
                    }
                    if (stickOnNext) {
                        unstick.await(); // a handler waiting on a downstream call that never returns
                    }
                    consumer.commitSync();
                }
            } catch (WakeupException | InterruptedException e) {
                // close() stops the loop
            }
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            unstick.countDown();
            consumer.wakeup();
            loop.ended(Duration.ofSeconds(10));
        }
    }
}
