package lab.week02;

import java.util.Map;

import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.utils.Utils;

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
        var partitions = cluster.partitionCountForTopic(topic);
        // A keyless record has no customer to route by: refuse it rather than guess.
        if (keyBytes == null) {
            throw new InvalidRecordException("Orders must be keyed by customer id; topic " + topic + " got a null key");
        }
        if (partitions < 2) {
            throw new InvalidRecordException("VipPartitioner needs 2 or more partitions (0 for VIPs, the rest for "
                    + "everyone else); topic " + topic + " has " + partitions);
        }
        if (Orders.isVip(key.toString())) {
            return VIP_PARTITION;
        }
        // Everyone else: the default hash, over partitions 1..n-1 only.
        return 1 + Utils.toPositive(Utils.murmur2(keyBytes)) % (partitions - 1);
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
