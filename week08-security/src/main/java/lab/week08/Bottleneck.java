package lab.week08;

/**
 * Which limit decided how many brokers a capacity plan needs (8.14). When two limits need the same number
 * of brokers, the first in this order names it.
 */
public enum Bottleneck {
    /** Every byte kept for the whole retention, on every replica, has to fit on the brokers' disks. */
    DISK,
    /** What producers write plus what followers copy in has to fit through the brokers' network, inbound. */
    NETWORK_IN,
    /** What every consumer group reads plus what followers copy out has to fit through it, outbound. */
    NETWORK_OUT,
    /** Every partition's replicas have to fit under the brokers' partition limit. */
    PARTITIONS,
    /** A partition's replicas live on different brokers: never fewer brokers than the replication factor. */
    REPLICATION_FACTOR
}
