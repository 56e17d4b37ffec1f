package lab.week05;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import lab.kit.junit.Background;
import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.awaitility.core.ThrowingRunnable;

import static org.assertj.core.api.Assertions.assertThat;

/** The saga's services on the kit's broker, each a {@link Participant} on its own thread, for one test. */
final class SagaRig implements AutoCloseable {

    static final String IN_STOCK = "sku-1";
    static final String SOLD_OUT = "sku-2";
    static final long CARD_LIMIT = 10_000;

    /** Shipped: in stock, within the card limit. */
    static final SagaMessage OK = new SagaMessage("order.created", "o-1", IN_STOCK, 2, 3_000, null);
    /** Reserved, then the payment is declined: the reservation must be released. */
    static final SagaMessage DECLINED = new SagaMessage("order.created", "o-2", IN_STOCK, 1, 50_000, null);
    /** Rejected at once: nothing in stock. */
    static final SagaMessage NO_STOCK = new SagaMessage("order.created", "o-3", SOLD_OUT, 1, 900, null);

    final SagaTopics topics;
    final Stock stock = new Stock(Map.of(IN_STOCK, 5, SOLD_OUT, 0));
    final PaymentGateway gateway = new PaymentGateway(CARD_LIMIT);
    final SagaServices.StatusBoard board = new SagaServices.StatusBoard();
    private final KafkaLab kafka;
    private final List<Participant> participants = new ArrayList<>();
    private final List<Background> threads = new ArrayList<>();

    SagaRig(KafkaLab kafka) {
        this.kafka = kafka;
        this.topics = new SagaTopics("-" + kafka.uniqueName("saga"));
        kafka.createTopicsNamed(topics.all(), 2);
    }

    void start(String name, List<String> consumes, Participant.Reaction reaction) {
        var consumer = kafka.newConsumer(kafka.manualCommitConfig(kafka.uniqueName(name)));
        run(name, new Participant(name, consumer, kafka.newProducer(), consumes, reaction));
    }

    /** A participant subscribed by pattern; its consumer refreshes metadata every second, to see new topics soon. */
    void startByPattern(String name, Pattern pattern, Participant.Reaction reaction) {
        var config = kafka.manualCommitConfig(kafka.uniqueName(name));
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1_000);
        run(name, Participant.byPattern(name, kafka.newConsumer(config), kafka.newProducer(), pattern, reaction));
    }

    private void run(String name, Participant participant) {
        participants.add(participant);
        threads.add(Background.start(name, participant));
    }

    void placeAll() throws Exception {
        kafka.produce(List.of(OK.to(topics.orderCreated()), DECLINED.to(topics.orderCreated()),
                NO_STOCK.to(topics.orderCreated())));
    }

    /** Waits until the status board has an outcome for every order (failing at once if a service died). */
    void awaitOutcomes() {
        awaitAsserted("an outcome for o-1, o-2 and o-3 on the status board", () -> assertThat(
                Stream.of("o-1", "o-2", "o-3").collect(Collectors.toMap(id -> id, board::status)))
                .as("statuses on the order service's board (it reads the message types order.shipped, "
                        + "inventory.rejected, inventory.released and order.cancelled)")
                .allSatisfy((order, status) -> assertThat(status).as("%s's status", order).matches("SHIPPED|CANCELLED.*")));
    }

    /** Waits for {@code condition}, failing at once with the error of any service that died. */
    void awaitUntil(String what, Callable<Boolean> condition) {
        LabAwait.until(what).until(() -> {
            failIfAServiceDied();
            return condition.call();
        });
    }

    /** Waits until {@code assertion} passes; a timeout shows its last message, a dead service fails at once. */
    void awaitAsserted(String what, ThrowingRunnable assertion) {
        LabAwait.until(what).untilAsserted(() -> {
            failIfAServiceDied();
            assertion.run();
        });
    }

    private void failIfAServiceDied() {
        for (var thread : threads) {
            if (thread.failure() != null) {
                throw new IllegalStateException("A shop service died: " + thread.failure(), thread.failure());
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        participants.forEach(Participant::shutdown);
        for (var thread : threads) {
            thread.ended(Duration.ofSeconds(10));
        }
    }
}
