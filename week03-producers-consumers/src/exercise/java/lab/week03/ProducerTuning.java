package lab.week03;

import java.util.Map;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Exercise 3.5: batching and compression, and how to see their effect without guessing. A producer
 * collects records per partition into batches of up to {@code batch.size} bytes and waits up to
 * {@code linger.ms} for a batch to fill; one Produce request carries the ready batches of one broker.
 * Compression works on a whole batch, so bigger batches compress better. The producer measures all of
 * it: {@code producer.metrics()} holds records per request and the compression ratio.
 */
public final class ProducerTuning {

    private ProducerTuning() {
    }

    /** Settings that send every record on its own, in its own request, as soon as it is handed over. */
    public static Map<String, Object> unbatched() {
        // TODO 3.5: no waiting, and batches that can hold only one record.
        throw new UnsupportedOperationException("Exercise 3.5 not done yet: see HINTS.md#35");
    }

    /**
     * Settings that let records wait up to {@code lingerMs} to fill batches of up to {@code batchBytes},
     * each batch compressed with {@code compression} ("none", "gzip", "lz4", "zstd" or "snappy").
     */
    public static Map<String, Object> batched(int batchBytes, int lingerMs, String compression) {
        // TODO 3.5: the three producer settings.
        throw new UnsupportedOperationException("Exercise 3.5 not done yet: see HINTS.md#35");
    }

    /** Reads the figures from a producer's {@code metrics()}, after it has sent (and flushed). */
    public static BatchFigures figuresOf(Map<MetricName, ? extends Metric> metrics) {
        // TODO 3.5: find each metric by name in the group "producer-metrics" and read metricValue().
        throw new UnsupportedOperationException("Exercise 3.5 not done yet: see HINTS.md#35");
    }
}
