package lab.week07;

/**
 * What the on-call engineer sees over the same few seconds, from both sides: the producer's own metrics
 * ({@code record-retry-total} and {@code record-error-total} of {@code producer-metrics}, as differences
 * over the window) and the brokers' (partitions whose ISR is smaller than their replica set).
 */
public record NetworkSignals(long producerRetries, long producerErrors, int underReplicatedPartitions) {
}
