package lab.week03;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import lab.kit.report.BarChart;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Orders are sent as JSON to a one-partition topic, so a request carries one batch and the figures read
 * simply. Every figure comes from the producer's own metrics; the charts go to target/(track)/reports.
 */
@WithKafka
@Tag("ex3.5")
@DisplayName("3.5 Batching and compression, seen through the producer's metrics")
class ProducerTuningTest {

    private static final int ORDERS = 2000;
    private static final int BATCH_BYTES = 64 * 1024;
    private static final int LINGER_MS = 50;
    private static final List<String> CODECS = List.of("none", "gzip", "snappy", "lz4", "zstd");

    @Test
    @DisplayName("batching off: every Produce request carries one record")
    void unbatchedOneRecordPerRequest(KafkaLab kafka) {
        var figures = sendOrders(kafka, ProducerTuning.unbatched(), 500);

        assertThat(figures.recordsPerRequest()).as("records per Produce request with batching off").isCloseTo(1.0, within(0.01));
    }

    @Test
    @DisplayName("linger.ms and batch.size fill requests with many records")
    void batchedManyRecordsPerRequest(KafkaLab kafka) {
        var settings = ProducerTuning.batched(BATCH_BYTES, LINGER_MS, "none");
        var unbatched = sendOrders(kafka, ProducerTuning.unbatched(), ORDERS);
        var batched = sendOrders(kafka, settings, ORDERS);

        new BarChart("3.5 records per Produce request, " + ORDERS + " orders", "records")
                .bar("batching off", unbatched.recordsPerRequest())
                .bar("64 KiB, linger 50 ms", batched.recordsPerRequest())
                .write("week03-records-per-request");
        assertThat(settings).as("batched(%d, %d, \"none\")", BATCH_BYTES, LINGER_MS)
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_BYTES).containsEntry(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        assertThat(batched.recordsPerRequest()).as("records per request with %d-byte batches and linger.ms %d", BATCH_BYTES, LINGER_MS)
                .isGreaterThan(20);
        assertThat(batched.compressionRatio()).as("compression ratio without compression").isCloseTo(1.0, within(0.001));
    }

    @Test
    @DisplayName("every codec shrinks the batches; the ratio and the bytes sent show by how much")
    void codecsCompared(KafkaLab kafka) {
        var figures = new LinkedHashMap<String, BatchFigures>();
        for (var codec : CODECS) {
            figures.put(codec, sendOrders(kafka, ProducerTuning.batched(BATCH_BYTES, LINGER_MS, codec), ORDERS));
        }

        report(figures);
        var none = figures.get("none");
        assertThat(none.compressionRatio()).as("compression ratio of 'none'").isCloseTo(1.0, within(0.001));
        figures.forEach((codec, figure) -> {
            if (!codec.equals("none")) {
                assertThat(figure.compressionRatio()).as("compression ratio of %s on JSON orders", codec).isLessThan(0.6);
                assertThat(figure.bytesSent()).as("bytes sent with %s, against %.0f without compression", codec, none.bytesSent())
                        .isLessThan(none.bytesSent());
            }
        });
    }

    /** Sends {@code count} JSON orders with a producer of {@code settings}, flushes, and reads its metrics. */
    private static BatchFigures sendOrders(KafkaLab kafka, Map<String, Object> settings, int count) {
        var topic = kafka.createTopic("orders", 1);
        var producer = kafka.newProducer(settings);
        IntStream.range(0, count).forEach(i -> producer.send(new ProducerRecord<>(topic, "o-" + i,
                OrderPlacedJson.toJson(new OrderPlaced("o-" + i, "sku-" + (i % 40), 1 + i % 5)))));
        producer.flush();
        return ProducerTuning.figuresOf(producer.metrics());
    }

    private static void report(Map<String, BatchFigures> figures) {
        var ratio = new BarChart("3.5 compression ratio (compressed / original), " + ORDERS + " JSON orders", "");
        var sent = new BarChart("3.5 kilobytes sent for " + ORDERS + " JSON orders", "KiB");
        figures.forEach((codec, figure) -> {
            ratio.bar(codec, figure.compressionRatio());
            sent.bar(codec, figure.bytesSent() / 1024);
        });
        ratio.write("week03-compression-ratio");
        sent.write("week03-bytes-sent");
    }
}
