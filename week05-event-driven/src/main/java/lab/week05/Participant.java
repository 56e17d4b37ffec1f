package lab.week05;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.WakeupException;

/**
 * One service in a saga (given): it consumes its topics, hands each record to its {@link Reaction},
 * sends what the reaction returns, waits until that is stored, and only then commits. At least once:
 * after a crash a record may be handled again, which is why every reaction is idempotent. Give it a
 * consumer with {@code enable.auto.commit=false}: with auto-commit, closing after a failure would commit
 * records that were fetched but never handled.
 */
public final class Participant implements Runnable {

    /** What a service does with one record: the records it sends in answer (none is fine). */
    @FunctionalInterface
    public interface Reaction {
        List<ProducerRecord<String, String>> on(ConsumerRecord<String, String> record);
    }

    private final String name;
    private final Consumer<String, String> consumer;
    private final Producer<String, String> producer;
    private final List<String> topics;
    private final Pattern pattern;
    private final Reaction reaction;
    private volatile boolean running = true;

    public Participant(String name, Consumer<String, String> consumer, Producer<String, String> producer,
                       List<String> topics, Reaction reaction) {
        this(name, consumer, producer, topics, null, reaction);
    }

    private Participant(String name, Consumer<String, String> consumer, Producer<String, String> producer,
                        List<String> topics, Pattern pattern, Reaction reaction) {
        this.name = name;
        this.consumer = consumer;
        this.producer = producer;
        this.topics = topics;
        this.pattern = pattern;
        this.reaction = reaction;
    }

    /** A participant subscribed to every topic whose name matches {@code pattern}, now or later. */
    public static Participant byPattern(String name, Consumer<String, String> consumer, Producer<String, String> producer,
                                        Pattern pattern, Reaction reaction) {
        return new Participant(name, consumer, producer, List.of(), pattern, reaction);
    }

    @Override
    public void run() {
        try (consumer) {
            if (pattern != null) {
                consumer.subscribe(pattern);
            } else {
                consumer.subscribe(topics);
            }
            while (running) {
                var records = consumer.poll(Duration.ofMillis(100));
                var sent = new ArrayList<Future<RecordMetadata>>();
                records.forEach(record -> reaction.on(record).forEach(answer -> sent.add(producer.send(answer))));
                awaitStored(sent);
                if (!records.isEmpty()) {
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            // shutdown()
        }
    }

    public void shutdown() {
        running = false;
        consumer.wakeup();
    }

    private void awaitStored(List<Future<RecordMetadata>> sent) {
        try {
            for (var stored : sent) {
                stored.get();
            }
        } catch (ExecutionException | InterruptedException e) {
            throw new IllegalStateException(name + " could not send its answers; stopping before the commit, so the "
                    + "records are handled again after a restart", e);
        }
    }
}
