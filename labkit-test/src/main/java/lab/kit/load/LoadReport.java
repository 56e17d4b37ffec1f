package lab.kit.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import lab.kit.report.LineChart;
import org.HdrHistogram.Histogram;

/**
 * What a load run measured, as numbers ({@link #summary()}, {@link #writeJson}) and as charts
 * ({@link #writeCharts}). Latencies are in milliseconds. {@code acknowledged} is measured from when each
 * record was <em>due</em> (open loop): when the producer falls behind, the wait is counted, so coordinated
 * omission is corrected. {@code serviceTime} is from when {@code send} was really called: the number a
 * closed-loop tool reports, and too good as soon as the producer stalls.
 */
public record LoadReport(String workload, double targetRecordsPerSecond, long sent, long acknowledged, long failed,
                         List<String> firstErrors, double seconds, double recordsPerSecond, double megabytesPerSecond,
                         Latency ackLatency, Latency serviceTime, Latency endToEnd, List<Second> timeline,
                         Map<String, Object> producerSettings, Map<String, Double> producerMetrics) {

    /** The producer's own metrics a report keeps: how it batched, compressed and waited. */
    static final java.util.Set<String> PRODUCER_METRICS = java.util.Set.of("records-per-request-avg", "batch-size-avg",
            "compression-rate-avg", "request-latency-avg", "record-queue-time-avg", "request-rate");

    /** Percentiles in milliseconds; {@code count} 0 when nothing was measured. */
    public record Latency(long count, double p50, double p90, double p99, double p999, double max) {

        static Latency of(Histogram micros) {
            return new Latency(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(90)),
                    ms(micros.getValueAtPercentile(99)), ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()));
        }

        private static double ms(long micros) {
            return micros / 1000.0;
        }

        String line() {
            return count == 0 ? "not measured" : String.format("p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f ms",
                    p50, p90, p99, p999, max);
        }
    }

    /** One second of the run: records acknowledged in it, and its latencies. */
    public record Second(int second, long acknowledged, double ackP50, double ackP99, double endToEndP99) {
    }

    /** A few lines for the console. */
    public String summary() {
        return String.format("""
                workload:      %s, %s
                records:       %,d sent, %,d acknowledged, %,d failed%s
                throughput:    %,.0f records/s, %.2f MB/s over %.1f s
                ack latency:   %s   (from when each record was due: coordinated omission corrected)
                service time:  %s   (from the send call: what a closed-loop tool would report)
                end to end:    %s
                producer:      %s""",
                workload, targetRecordsPerSecond == 0 ? "flat out" : String.format("target %,.0f records/s", targetRecordsPerSecond),
                sent, acknowledged, failed, firstErrors.isEmpty() ? "" : "; first errors: " + firstErrors,
                recordsPerSecond, megabytesPerSecond, seconds, ackLatency.line(), serviceTime.line(), endToEnd.line(),
                producerLine());
    }

    /** The producer's batching in one line: records per request, batch size, compression. */
    private String producerLine() {
        return String.format("%.1f records per request, batches of %.0f B on average, compressed to %.2f of their size",
                producerMetrics.getOrDefault("records-per-request-avg", Double.NaN),
                producerMetrics.getOrDefault("batch-size-avg", Double.NaN),
                producerMetrics.getOrDefault("compression-rate-avg", Double.NaN));
    }

    public Path writeJson(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the load report " + file.toAbsolutePath(), e);
        }
    }

    /** Two PNG charts beside {@code prefix}: throughput and latency, second by second. */
    public List<Path> writeCharts(Path folder, String prefix) {
        if (timeline.isEmpty()) {
            return List.of();
        }
        var seconds = timeline.stream().map(second -> (double) second.second()).toList();
        var throughput = new LineChart("Records acknowledged per second (" + workload + ")", "second", "records/s")
                .series("acknowledged", seconds, timeline.stream().map(second -> (double) second.acknowledged()).toList());
        if (targetRecordsPerSecond > 0) {
            throughput.series("target", seconds, timeline.stream().map(second -> targetRecordsPerSecond).toList());
        }
        var latency = new LineChart("Latency per second (" + workload + ")", "second", "ms")
                .series("ack p50", seconds, timeline.stream().map(Second::ackP50).toList())
                .series("ack p99", seconds, timeline.stream().map(Second::ackP99).toList());
        if (endToEnd.count() > 0) {
            latency.series("end-to-end p99", seconds, timeline.stream().map(Second::endToEndP99).toList());
        }
        return List.of(throughput.writeTo(folder.resolve(prefix + "-throughput.png")),
                latency.writeTo(folder.resolve(prefix + "-latency.png")));
    }
}
