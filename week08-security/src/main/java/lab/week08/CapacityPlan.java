package lab.week08;

/**
 * What a capacity plan says (8.14): how many brokers and partitions, and what each broker carries at the
 * peak, the load spread evenly. Disk in GB (10^9 bytes), network in MB/s (10^6 bytes a second).
 *
 * @param brokers                 brokers in the cluster
 * @param partitions              partitions of the topic, a multiple of {@code brokers}
 * @param diskGbPerBroker         what each broker stores at the end of the retention, replicas included
 * @param networkInMbPerBroker    what each broker receives at the peak: from producers and, as a follower, from leaders
 * @param networkOutMbPerBroker   what each broker sends at the peak: to consumers and, as a leader, to followers
 * @param decidedBy               the limit that needed the most brokers
 */
public record CapacityPlan(int brokers, int partitions, double diskGbPerBroker, double networkInMbPerBroker,
                           double networkOutMbPerBroker, Bottleneck decidedBy) {
}
