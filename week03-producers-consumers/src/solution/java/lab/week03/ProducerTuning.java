package lab.week03;

import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
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

    private static final String GROUP = "producer-metrics";

    private ProducerTuning() {
    }

    /** Settings that send every record on its own, in its own request, as soon as it is handed over. */
    public static Map<String, Object> unbatched() {
        // batch.size 0 turns batching off: each batch is made just big enough for one record.
        return Map.of(ProducerConfig.LINGER_MS_CONFIG, 0, ProducerConfig.BATCH_SIZE_CONFIG, 0);
    }

    /**
     * Settings that let records wait up to {@code lingerMs} to fill batches of up to {@code batchBytes},
     * each batch compressed with {@code compression} ("none", "gzip", "lz4", "zstd" or "snappy").
     */
    public static Map<String, Object> batched(int batchBytes, int lingerMs, String compression) {
        return Map.of(ProducerConfig.BATCH_SIZE_CONFIG, batchBytes,
                ProducerConfig.LINGER_MS_CONFIG, lingerMs,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
    }

    /** Reads the figures from a producer's {@code metrics()}, after it has sent (and flushed). */
    public static BatchFigures figuresOf(Map<MetricName, ? extends Metric> metrics) {
        return new BatchFigures(
                value(metrics, "records-per-request-avg"),
                value(metrics, "compression-rate-avg"),
                value(metrics, "batch-size-avg"),
                value(metrics, "outgoing-byte-total"));
    }

    private static double value(Map<MetricName, ? extends Metric> metrics, String name) {
        return metrics.entrySet().stream()
                .filter(entry -> entry.getKey().group().equals(GROUP) && entry.getKey().name().equals(name))
                .map(entry -> ((Number) entry.getValue().metricValue()).doubleValue())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The producer has no metric " + GROUP + "/" + name));
    }
}
