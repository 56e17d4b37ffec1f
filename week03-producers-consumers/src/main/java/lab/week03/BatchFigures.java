package lab.week03;

/**
 * What the producer's own metrics say about how it sent (group {@code producer-metrics}).
 *
 * @param recordsPerRequest {@code records-per-request-avg}: how many records one Produce request carried
 * @param compressionRatio  {@code compression-rate-avg}: compressed size / original size of a batch
 *                          (1.0 without compression, lower is better)
 * @param batchBytes        {@code batch-size-avg}: the average bytes of a batch as sent
 * @param bytesSent         {@code outgoing-byte-total}: bytes the producer wrote to the network, in total
 */
public record BatchFigures(double recordsPerRequest, double compressionRatio, double batchBytes, double bytesSent) {
}
