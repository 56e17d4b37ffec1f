package lab.week07;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Exercise 7.10, a troubleshooting lab: one consumer of the order-tracking service is always behind while
 * the others idle. The topic is keyed by customer, and a few customers place most of the orders, so their
 * partitions get most of the records: hot partitions. Find them from the partitions' sizes, then choose a
 * key that spreads the load and still keeps what must stay in order together.
 */
public final class HotPartitions {

    private HotPartitions() {
    }

    /**
     * The partitions that got more than twice the median partition's records ({@code records}: records
     * written per partition over the same time). A median, not a mean: the hot partitions raise the mean.
     */
    public static Set<Integer> hot(Map<Integer, Long> records) {
        var sorted = records.values().stream().sorted().toList();
        var middle = sorted.size() / 2;
        var median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
        return records.entrySet().stream().filter(entry -> entry.getValue() > 2 * median).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** The key an order event is written with: the order, whose steps must stay in sequence, not the customer. */
    public static String keyFor(OrderEvent event) {
        return event.orderId();
    }
}
