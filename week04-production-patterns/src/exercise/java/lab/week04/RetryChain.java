package lab.week04;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Exercise 4.4: retries on a chain of topics, {@code orders -> orders.retry.1 -> orders.retry.2 ->
 * orders.dlt}. A record that fails is not retried in place (that would hold up every record behind it
 * on its partition); it is sent on to the next retry topic with the time it may be tried again, and
 * the consumer moves on. The retry topics are consumed like any other, each record once it is due
 * ({@link RetryTopicService}). After the last retry it is parked on the dead letter topic (4.3).
 */
public final class RetryChain {

    /** How many retries this record has had: "1" on orders.retry.1, "2" on orders.retry.2. */
    public static final String ATTEMPT = "retry.attempt";
    /** When the record may be tried again, epoch milliseconds. */
    public static final String DUE_AT = "retry.due-at";

    private final String mainTopic;
    private final int retries;
    private final Backoff backoff;

    public RetryChain(String mainTopic, int retries, Backoff backoff) {
        this.mainTopic = mainTopic;
        this.retries = retries;
        this.backoff = backoff;
    }

    public String retryTopic(int attempt) {
        return mainTopic + ".retry." + attempt;
    }

    public String deadLetterTopic() {
        return mainTopic + ".dlt";
    }

    /** The main topic and the retry topics: what the service subscribes to. */
    public List<String> topics() {
        var topics = new ArrayList<>(List.of(mainTopic));
        for (var attempt = 1; attempt <= retries; attempt++) {
            topics.add(retryTopic(attempt));
        }
        return topics;
    }

    /** When {@code record} may be processed: its {@link #DUE_AT} header, or at once if it has none. */
    public static Instant dueAt(ConsumerRecord<byte[], byte[]> record) {
        var header = record.headers().lastHeader(DUE_AT);
        return header == null ? Instant.EPOCH : Instant.ofEpochMilli(Long.parseLong(text(header.value())));
    }

    /** The retries {@code record} has had so far: its {@link #ATTEMPT} header, 0 if it has none. */
    public static int attemptOf(ConsumerRecord<byte[], byte[]> record) {
        var header = record.headers().lastHeader(ATTEMPT);
        return header == null ? 0 : Integer.parseInt(text(header.value()));
    }

    /**
     * Where {@code failed} goes next: the next retry topic, due after a backoff from {@code now}, or
     * the dead letter topic once its retries are used up ({@link DeadLetters#deadLetterOf}). A retry keeps
     * the failed record's key, value and other headers; its {@link #ATTEMPT} header is the attempt number
     * (the first retry is 1) and its {@link #DUE_AT} header the time it may run, {@code now} plus
     * {@code backoff.delayFor(attempt)}, in epoch milliseconds; both as UTF-8 text.
     */
    public ProducerRecord<byte[], byte[]> nextHop(ConsumerRecord<byte[], byte[]> failed, Exception error, Instant now) {
        // TODO 4.4: send the record one retry further, not due before its backoff has passed, or to the dead
        //           letters once no retry is left. A retried record carries one ATTEMPT and one DUE_AT, never
        //           the old ones as well.
        throw new UnsupportedOperationException("Exercise 4.4 not done yet: see HINTS.md#44");
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
