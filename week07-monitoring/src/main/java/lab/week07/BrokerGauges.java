package lab.week07;

/**
 * The health of one broker as its own JMX metrics tell it.
 *
 * @param underReplicated      partitions this broker leads that miss an in-sync copy
 *                             ({@code UnderReplicatedPartitions}): above 0 for long, a replica is down or behind
 * @param underMinIsr          partitions it leads whose in-sync copies are below {@code min.insync.replicas}
 *                             ({@code UnderMinIsrPartitionCount}): {@code acks=all} writes to them fail
 * @param requestHandlerIdle   the fraction of time its request handler threads were idle, 0 to 1
 *                             ({@code RequestHandlerAvgIdlePercent}); near 0, the broker is saturated
 * @param networkProcessorIdle the same for its network threads ({@code NetworkProcessorAvgIdlePercent})
 */
public record BrokerGauges(int underReplicated, int underMinIsr, double requestHandlerIdle, double networkProcessorIdle) {
}
