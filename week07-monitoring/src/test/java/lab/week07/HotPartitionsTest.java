package lab.week07;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order-tracking topic (6 partitions) on a real broker: 400 orders of 5 steps each, from 40 customers
 * of whom a few place most orders (Zipf, exponent 1.2). Keyed by customer, the hottest customer's
 * partition gets a large share; keyed your way, the partitions must be even and each order's steps must
 * stay in one partition, in sequence. Your diagnosis must find the hot partition from the sizes alone.
 */
@WithKafka
@Tag("ex7.10")
@DisplayName("7.10 Troubleshooting: a hot partition")
class HotPartitionsTest {

    private static final int PARTITIONS = 6;
    private static final List<String> STEPS = List.of("created", "paid", "packed", "shipped", "delivered");
    private static final List<OrderEvent> EVENTS = events();

    @Test
    @DisplayName("keyed your way, no partition gets more than 1.5 times the average share")
    void spreadsTheLoad(KafkaLab kafka) {
        var written = write(kafka, HotPartitions::keyFor);
        var counts = counts(written);
        var average = EVENTS.size() / (double) PARTITIONS;

        assertThat(counts.values().stream().mapToLong(Long::longValue).max().orElseThrow())
                .as("keyed your way: records in the fullest partition, of %d events on %d partitions (%.0f on average); per partition: %s."
                        + " A key that a few values dominate (the customer) fills a few partitions; so does no key, as"
                        + " keyless records fill one partition's batch at a time", EVENTS.size(), PARTITIONS, average, counts).isLessThanOrEqualTo((long) (1.5 * average));
    }

    @Test
    @DisplayName("keyed your way, every order's steps are in one partition, in sequence")
    void keepsEachOrderInSequence(KafkaLab kafka) {
        var written = write(kafka, HotPartitions::keyFor);
        var byOrder = new TreeMap<String, List<ConsumerRecord<String, String>>>();
        written.forEach(record -> byOrder.computeIfAbsent(record.value().split(":")[0], id -> new ArrayList<>()).add(record));

        var scattered = byOrder.entrySet().stream()
                .filter(order -> order.getValue().stream().map(ConsumerRecord::partition).distinct().count() > 1)
                .map(Map.Entry::getKey).limit(5).toList();
        assertThat(scattered).as("keyed your way: orders whose steps landed in more than one partition (first 5): a consumer can read"
                + " 'shipped' before 'paid'").isEmpty();
        byOrder.forEach((order, records) -> assertThat(records.stream().map(record -> record.value().split(":")[1]).toList())
                .as("the steps of %s as read back", order).isEqualTo(STEPS));
    }

    @Test
    @DisplayName("the diagnosis, on the topic keyed by customer: the hottest customer's partition is hot, the coldest is not")
    void findsTheHotPartition(KafkaLab kafka) {
        var written = write(kafka, OrderEvent::customerId);
        var counts = counts(written);
        var hottestCustomers = written.stream().filter(record -> record.key().equals("customer-0"))
                .map(ConsumerRecord::partition).findFirst().orElseThrow();
        var coldest = counts.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();

        var hot = HotPartitions.hot(counts);

        assertThat(hot).as("hot partitions by your diagnosis, for records per partition %s", counts)
                .contains(hottestCustomers).doesNotContain(coldest);
    }

    @Test
    @DisplayName("the diagnosis: even partitions have none; one partition at 2.5 times the others is hot, though not twice the mean")
    void comparesWithTheMedian() {
        var even = Map.of(0, 100L, 1, 110L, 2, 95L, 3, 105L, 4, 98L, 5, 102L);
        var oneHot = Map.of(0, 250L, 1, 100L, 2, 100L, 3, 100L, 4, 100L, 5, 100L);
        var twoHot = Map.of(0, 600L, 1, 100L, 2, 550L, 3, 90L, 4, 110L, 5, 100L);

        assertThat(HotPartitions.hot(even)).as("hot partitions for %s", new TreeMap<>(even)).isEmpty();
        assertThat(HotPartitions.hot(oneHot)).as("hot partitions for %s (the mean is 125, the median 100)", new TreeMap<>(oneHot))
                .containsExactly(0);
        assertThat(HotPartitions.hot(twoHot)).as("hot partitions for %s", new TreeMap<>(twoHot)).containsExactlyInAnyOrder(0, 2);
    }

    /** Writes every event with the key {@code key} gives it (value "orderId:step") and reads them all back. */
    private static List<ConsumerRecord<String, String>> write(KafkaLab kafka, Function<OrderEvent, String> key) {
        var topic = kafka.createTopic("order-tracking", PARTITIONS);
        try {
            kafka.produce(EVENTS.stream().map(event -> new ProducerRecord<>(topic, key.apply(event),
                    event.orderId() + ":" + event.type())).toList());
        } catch (Exception e) {
            throw new IllegalStateException("Could not write the order events: " + e, e);
        }
        return kafka.readAll(topic, EVENTS.size());
    }

    private static Map<Integer, Long> counts(List<ConsumerRecord<String, String>> records) {
        var counts = new TreeMap<Integer, Long>();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            counts.put(partition, 0L);
        }
        counts.putAll(records.stream().collect(Collectors.groupingBy(ConsumerRecord::partition, Collectors.counting())));
        return counts;
    }

    /** 400 orders from 40 customers, Zipf 1.2 (customer-0 the busiest), each order's 5 steps interleaved with others'. */
    private static List<OrderEvent> events() {
        var random = new Random(7);
        var weights = new double[40];
        var total = 0.0;
        for (int rank = 0; rank < weights.length; rank++) {
            weights[rank] = 1 / Math.pow(rank + 1, 1.2);
            total += weights[rank];
        }
        var customers = new ArrayList<String>();
        for (int order = 0; order < 400; order++) {
            var pick = random.nextDouble() * total;
            var rank = 0;
            for (var sum = weights[0]; sum < pick && rank < weights.length - 1; sum += weights[++rank]) {
                // walk the cumulative weights to the customer drawn
            }
            customers.add("customer-" + rank);
        }
        var events = new ArrayList<OrderEvent>();
        for (int step = 0; step < STEPS.size(); step++) {
            for (int order = 0; order < customers.size(); order++) {
                events.add(new OrderEvent("order-" + order, customers.get(order), STEPS.get(step), step + 1));
            }
        }
        return List.copyOf(events);
    }
}
