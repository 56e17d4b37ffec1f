package lab.week02;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.utils.Utils;

/**
 * Exercise 2.1: predict the partition of a keyed record. The producer's default partitioner hashes the
 * key's bytes with murmur2 and takes the result modulo the partition count, so a key always lands on the
 * same partition, as long as the partition count does not change. That is why ordering per key holds,
 * and why adding partitions to a topic moves keys.
 *
 * <pre>{@code
 * int partition = KeyPartitioning.partitionFor("customer-42", 6);
 * }</pre>
 */
public final class KeyPartitioning {

    private KeyPartitioning() {
    }

    /** The partition the default partitioner chooses for a String key on a topic of {@code partitions}. */
    public static int partitionFor(String key, int partitions) {
        // The same bytes the StringSerializer sends: UTF-8.
        var keyBytes = key.getBytes(StandardCharsets.UTF_8);
        // toPositive, not Math.abs: abs(Integer.MIN_VALUE) is still negative.
        return Utils.toPositive(Utils.murmur2(keyBytes)) % partitions;
    }
}
