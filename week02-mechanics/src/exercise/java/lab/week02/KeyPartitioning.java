package lab.week02;

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
        // TODO 2.1: hash the key's UTF-8 bytes as the producer does (see HINTS.md#21), then map the hash
        //           to one of the partitions.
        throw new UnsupportedOperationException("Exercise 2.1 not done yet: see HINTS.md#21");
    }
}
