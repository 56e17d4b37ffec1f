package lab.week02;

import java.util.Map;

import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;

/**
 * Exercise 2.2: a custom partitioner. VIP customers' orders get partition 0 to themselves, so a
 * dedicated consumer serves them without queueing behind everyone else; all other customers hash over
 * the remaining partitions, keeping per-customer order. Configure it with
 * {@code partitioner.class = lab.week02.VipPartitioner}.
 */
public class VipPartitioner implements Partitioner {

    static final int VIP_PARTITION = 0;

    @Override
    public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
        // TODO 2.2: VIP keys (Orders.isVip) to VIP_PARTITION; other keys hashed over partitions 1..n-1;
        //           a null key refused with an exception that says why.
        throw new UnsupportedOperationException("Exercise 2.2 not done yet: see HINTS.md#22");
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // No settings.
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
