package lab.week07;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Exercise 7.13: the consumer's side of 7.8. A fetch request waits at the broker until it has
 * fetch.min.bytes to return or fetch.max.wait.ms has passed. The analytics service wants big fetches and
 * does not mind waiting a moment; the payment service wants every record the moment it is written.
 */
public final class ConsumerTuning {

    private ConsumerTuning() {
    }

    /** Consumer settings (added to the lab's) for the analytics service: fewer, fuller fetches. */
    public static Map<String, Object> forThroughput() {
        return Map.of(
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 64 * 1024,   // the broker waits until 64 KiB are there ...
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500,       // ... or half a second has passed
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);      // and a poll hands over what a fetch brought
    }

    /** Consumer settings for the payment service: a fetch returns as soon as there is anything. */
    public static Map<String, Object> forLatency() {
        return Map.of(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1);    // the default: any record is enough
    }
}
