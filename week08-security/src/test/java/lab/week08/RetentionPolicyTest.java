package lab.week08;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The learner's policies, and the carts topic on a real broker whose cleaner runs every half second and
 * whose retention check runs every second (the kit's settings). Five quiet customers put a cart three
 * times at the start and never again, while five active customers keep changing theirs: compaction must
 * reduce each quiet cart to its latest version. Then the shop closes for the night and nobody writes:
 * deletion must remove every cart, but not before the retention time has passed since its last change.
 *
 * <p>Why the quiet carts are not expected to vanish while others shop: deletion removes whole segments
 * whose newest record is older than {@code retention.ms}, and the cleaner merges the old segment holding a
 * quiet cart with newer ones. Measured here: with a 5 s retention and five customers shopping, the quiet
 * carts were all still there 15 s later. Retention is a floor, never a per-key deadline (README, 8.10).
 */
@WithKafka
@Tag("ex8.10")
@DisplayName("8.10 Retention as policy: deleted, compacted, or both")
class RetentionPolicyTest {

    private static final Duration ABANDON_AFTER = Duration.ofSeconds(5);
    private static final Duration ROLL_AFTER = Duration.ofMillis(500);
    private static final Duration DELETING = Duration.ofSeconds(10);
    private static final List<String> QUIET = List.of("q-0", "q-1", "q-2", "q-3", "q-4");
    private static final List<String> ACTIVE = List.of("a-0", "a-1", "a-2", "a-3", "a-4");

    @Test
    @DisplayName("each kind of data gets its cleanup policy")
    void policyPerKind() {
        var expected = Map.of(DataKind.EVENTS, Set.of("delete"), DataKind.LATEST_STATE, Set.of("compact"),
                DataKind.LATEST_STATE_WHILE_ACTIVE, Set.of("compact", "delete"));
        for (var kind : DataKind.values()) {
            var policy = RetentionPolicy.cleanupPolicy(kind);
            assertThat(policy).as("cleanupPolicy(%s)", kind).isNotNull();
            assertThat(Arrays.stream(policy.split(",")).map(String::trim).collect(Collectors.toSet()))
                    .as("cleanupPolicy(%s) = \"%s\", as the policies it lists (cleanup.policy is a comma-separated list"
                            + " of delete and compact)", kind, policy)
                    .isEqualTo(expected.get(kind));
        }
    }

    @Test
    @DisplayName("carts are compacted while customers shop, and deleted once nobody has touched them for the retention time")
    void abandonedCartsDisappear(KafkaLab kafka) throws Exception {
        var settings = RetentionPolicy.cartTopicConfigs(ABANDON_AFTER, ROLL_AFTER);
        var topic = kafka.createTopic("carts", 1, 1, settings);
        try (var producer = kafka.newProducer()) {
            for (var version = 1; version <= 3; version++) {
                for (var customer : QUIET) {
                    producer.send(new ProducerRecord<>(topic, customer, "cart v" + version));
                }
            }
            producer.flush();
        }
        var shopping = new AtomicBoolean(true);
        var lastChange = new AtomicLong(); // the newest cart's timestamp, which retention is measured from
        var shoppers = new Thread(() -> shop(kafka, topic, shopping, lastChange), "active-customers");
        shoppers.start();
        try {
            awaitLog(kafka, topic, ABANDON_AFTER, "each quiet customer's cart compacted to its latest version", true,
                    log -> count(log, QUIET).values().stream().allMatch(n -> n == 1), settings);
        } finally {
            shopping.set(false);
            shoppers.join();
        }
        // The shop closes for the night: nobody touches any cart from now on.
        awaitLog(kafka, topic, ABANDON_AFTER.plus(DELETING), "every cart deleted, the shop being closed", false,
                List::isEmpty, settings);
        var livedFor = Duration.ofMillis(System.currentTimeMillis() - lastChange.get());
        assertThat(livedFor).as("how long the carts lived after their last change, with your %s: a cart is abandoned"
                + " after %s untouched, not sooner", settings, ABANDON_AFTER).isGreaterThanOrEqualTo(ABANDON_AFTER);
    }

    /** Each active customer changes the cart every second, one customer every 200 ms. */
    private static void shop(KafkaLab kafka, String topic, AtomicBoolean shopping, AtomicLong lastChange) {
        try (var producer = kafka.newProducer()) {
            for (var change = 0; shopping.get(); change++) {
                var customer = ACTIVE.get(change % ACTIVE.size());
                var cart = "cart v" + (change / ACTIVE.size() + 1);
                producer.send(new ProducerRecord<>(topic, customer, cart), (sent, failure) -> {
                    if (sent != null) {
                        lastChange.accumulateAndGet(sent.timestamp(), Math::max);
                    }
                });
                Thread.sleep(200); // the customers' pace, not a wait for a result
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many records each of {@code customers} has in {@code log}; a customer with none is absent. */
    private static Map<String, Long> count(List<ConsumerRecord<String, String>> log, List<String> customers) {
        return log.stream().filter(r -> customers.contains(r.key()))
                .collect(Collectors.groupingBy(ConsumerRecord::key, TreeMap::new, Collectors.counting()));
    }

    /**
     * Reads the whole topic again and again until {@code done} holds for it; fails showing the last read,
     * or at once if the quiet carts vanish {@code whileCompacting} (deleted without ever being compacted).
     */
    private static List<ConsumerRecord<String, String>> awaitLog(KafkaLab kafka, String topic, Duration within, String what,
                                                               boolean whileCompacting,
                                                               Predicate<List<ConsumerRecord<String, String>>> done,
                                                               Map<String, String> settings) {
        var deadline = System.nanoTime() + within.toNanos();
        List<ConsumerRecord<String, String>> log = List.of();
        while (System.nanoTime() < deadline) {
            log = TopicLog.read(kafka, topic);
            if (done.test(log)) {
                return log;
            }
            if (whileCompacting && count(log, QUIET).isEmpty()) {
                return fail("Waited for %s, with your topic configs %s: the quiet customers' carts went from 3 versions"
                        + " each to none, never compacted to one. Deletion removed their segments, but nothing cleaned"
                        + " replaced versions before (a table of latest states is compacted)", what, settings);
            }
            try {
                Thread.sleep(200); // between two reads of the log
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("Waited %d s for %s, with your topic configs %s. The records in the topic now, per customer: quiet %s,"
                + " active %s (only closed segments are cleaned or deleted; compaction drops replaced versions; deletion"
                + " drops a segment whose newest record is older than retention.ms)", within.toSeconds(), what, settings,
                count(log, QUIET), count(log, ACTIVE));
    }
}
