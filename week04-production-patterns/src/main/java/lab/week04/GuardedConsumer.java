package lab.week04;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * A consumer that calls a downstream service for each record, through a {@link Breaker} (given; 4.5 and
 * 4.6 write the breaker). A failed call is tried again as long as the breaker allows, so nothing is
 * skipped and order holds. When the breaker opens, the consumer rewinds to that record and pauses its
 * partitions: it keeps polling (and so keeps its place in the group) but
 * fetches nothing and calls nothing. When the breaker allows a trial, the consumer resumes, and the
 * next record is that trial. It commits what it handled itself: give it a consumer with
 * {@code enable.auto.commit=false}.
 */
public final class GuardedConsumer implements Runnable {

    /** The downstream call that may fail, e.g. a payment service over HTTP. */
    public interface Downstream {
        void call(ConsumerRecord<String, String> record) throws Exception;
    }

    private final Consumer<String, String> consumer;
    private final String topic;
    private final Breaker breaker;
    private final Downstream downstream;
    private volatile boolean running = true;
    private volatile boolean paused;
    private boolean trialAllowed;

    public GuardedConsumer(Consumer<String, String> consumer, String topic, Breaker breaker, Downstream downstream) {
        this.consumer = consumer;
        this.topic = topic;
        this.breaker = breaker;
        this.downstream = downstream;
    }

    @Override
    public void run() {
        try (consumer) {
            consumer.subscribe(List.of(topic));
            while (running) {
                pollOnce();
            }
        } catch (WakeupException e) {
            // shutdown() woke the consumer up: leave the loop.
        }
    }

    /** True while the breaker keeps the consumer's partitions paused. */
    public boolean isPaused() {
        return paused;
    }

    public void shutdown() {
        running = false;
        consumer.wakeup();
    }

    private void pollOnce() {
        if (paused) {
            if (!breaker.allowsCall()) {
                consumer.poll(Duration.ofMillis(50)); // paused: returns nothing, but keeps the group membership
                return;
            }
            consumer.resume(consumer.assignment());
            paused = false;
            trialAllowed = true; // the breaker already said yes to the next call
        }
        var done = new HashMap<TopicPartition, OffsetAndMetadata>();
        var records = consumer.poll(Duration.ofMillis(50));
        for (var partition : records.partitions()) {
            for (var record : records.records(partition)) {
                // Try the record until it succeeds or the breaker says stop: it is never skipped.
                do {
                    if (!trialAllowed && !breaker.allowsCall()) {
                        pauseBefore(records, done);
                        consumer.commitSync(done);
                        return;
                    }
                    trialAllowed = false;
                } while (!callDownstream(record));
                done.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        consumer.commitSync(done);
    }

    /**
     * Rewinds every partition of the batch to its first record not handled yet (this one, and all of the
     * partitions the loop has not reached: they were fetched too), then stops fetching until the breaker
     * allows a trial. Rewinding only this record's partition would skip the others' fetched records.
     */
    private void pauseBefore(ConsumerRecords<String, String> batch, Map<TopicPartition, OffsetAndMetadata> done) {
        for (var partition : batch.partitions()) {
            var handled = done.get(partition);
            consumer.seek(partition, handled != null ? handled.offset() : batch.records(partition).get(0).offset());
        }
        consumer.pause(consumer.assignment());
        paused = true;
    }

    private boolean callDownstream(ConsumerRecord<String, String> record) {
        try {
            downstream.call(record);
            breaker.onSuccess();
            return true;
        } catch (Exception error) {
            breaker.onFailure(error);
            return false;
        }
    }
}
