package lab.week05;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import lab.week05.Order.Status;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Exercise 5.3: the query side of CQRS. The command side (5.1) writes events; this read model is built
 * from them, shaped for the questions people ask: one summary per order, orders per status, revenue per
 * SKU. It lags the command side a little (eventual consistency), can be thrown away and rebuilt from
 * the log at any time, and a new one can be built from all of history.
 */
public final class OrderSummaryProjection {

    private final Map<String, OrderSummary> summaries = new ConcurrentHashMap<>();
    private final Map<String, Long> revenueBySku = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> appliedUpTo = new ConcurrentHashMap<>();

    /** Applies one event record. A record seen before (a redelivery) changes nothing. */
    public void apply(ConsumerRecord<String, String> record) {
        var partition = new TopicPartition(record.topic(), record.partition());
        // At-least-once delivery can repeat records; offsets say which ones this model already has.
        if (record.offset() <= appliedUpTo.getOrDefault(partition, -1L)) {
            return;
        }
        var event = Json.read(record.value(), OrderEvent.class);
        if (!(event instanceof OrderEvent.Placed) && !summaries.containsKey(event.orderId())) {
            // An order whose OrderPlaced the log no longer holds (trimmed by retention): nothing to update.
            appliedUpTo.put(partition, record.offset());
            return;
        }
        if (event instanceof OrderEvent.Placed placed) {
            summaries.put(placed.orderId(), new OrderSummary(placed.orderId(), placed.customer(), placed.sku(),
                    Status.PLACED, placed.amountCents()));
        } else if (event instanceof OrderEvent.Paid) {
            var paid = summaries.computeIfPresent(event.orderId(), (id, summary) -> summary.withStatus(Status.PAID));
            revenueBySku.merge(paid.sku(), paid.amountCents(), Long::sum);
        } else if (event instanceof OrderEvent.Shipped) {
            summaries.computeIfPresent(event.orderId(), (id, summary) -> summary.withStatus(Status.SHIPPED));
        } else if (event instanceof OrderEvent.Cancelled) {
            var before = summaries.get(event.orderId());
            if (before.status() == Status.PAID) {
                revenueBySku.merge(before.sku(), -before.amountCents(), Long::sum); // refunded
            }
            summaries.put(event.orderId(), before.withStatus(Status.CANCELLED));
        }
        appliedUpTo.put(partition, record.offset());
    }

    public Optional<OrderSummary> summary(String orderId) {
        return Optional.ofNullable(summaries.get(orderId));
    }

    /** How many orders are in each status (statuses with none are left out). */
    public Map<Status, Long> countByStatus() {
        var counts = new EnumMap<Status, Long>(Status.class);
        summaries.values().forEach(summary -> counts.merge(summary.status(), 1L, Long::sum));
        return counts;
    }

    /** Paid and not refunded, per SKU, in cents. */
    public long revenueCents(String sku) {
        return revenueBySku.getOrDefault(sku, 0L);
    }
}
