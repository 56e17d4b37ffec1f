package lab.week04;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import lab.kit.report.BarChart;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static lab.kit.junit.LabAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

@WithKafka
@Tag("ex4.1")
@DisplayName("4.1 One producer per service, not one per request")
class OrderPublisherTest {

    private static final int THREADS = 4;
    private static final int PER_THREAD = 25;
    private static final int MEASURED = 60;

    @Test
    @DisplayName("four request threads publish 100 orders through one producer, all stored")
    void oneProducerForEveryThread(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 3);
        var producers = new CountingFactory(kafka);

        try (var publisher = new OrderPublisher(producers)) {
            publishConcurrently(publisher, topic);
        }

        assertThat(producers.created).as("producers created for %d publishes on %d threads (one per service: "
                + "create it in the constructor, not in publish)", THREADS * PER_THREAD, THREADS).isEqualTo(1);
        assertThat(kafka.recordCount(topic)).as("orders stored").isEqualTo(THREADS * PER_THREAD);
    }

    @Test
    @DisplayName("publish returns once the broker acknowledged the record")
    void publishWaitsForTheAck(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 1);

        RecordMetadata first;
        RecordMetadata second;
        try (var publisher = new OrderPublisher(new CountingFactory(kafka))) {
            first = publisher.publish(topic, "o-1", "{}");
            second = publisher.publish(topic, "o-2", "{}");
        }

        assertThat(Arrays.asList(first, second)).as("what publish() returned for the two orders: the broker's "
                + "acknowledgement of each (did publish wait on the future send(...) returned, and return what it gave?)")
                .doesNotContainNull();
        assertThat(List.of(first.offset(), second.offset())).as("offsets the broker gave the two orders")
                .containsExactly(0L, 1L);
    }

    @Test
    @DisplayName("close() closes the one producer")
    void closeClosesTheProducer(KafkaLab kafka) {
        var producers = new CountingFactory(kafka);
        var topic = kafka.createTopic("orders", 1); // a real topic: a send on an open producer returns at once

        new OrderPublisher(producers).close();

        assertThat(producers.last.get()).as("the producer the publisher created").isNotNull();
        assertFails("a send after close(): the producer should be closed, or its I/O thread and "
                + "connections outlive the service", () -> producers.last.get().send(new ProducerRecord<>(topic, "k", "v")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    @Tag("report")
    @DisplayName("report: publishes per second, one producer per request vs one shared")
    void report(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 1);
        var perRequestFactory = new CountingFactory(kafka);
        var sharedFactory = new CountingFactory(kafka);

        double perRequest;
        double shared;
        try (var publisher = new PerRequestPublisher(perRequestFactory)) {
            perRequest = publishesPerSecond(i -> publisher.publish(topic, "o-" + i, "{}"));
        }
        try (var publisher = new OrderPublisher(sharedFactory)) {
            shared = publishesPerSecond(i -> publisher.publish(topic, "o-" + i, "{}"));
        }

        System.out.printf("[4.1] %d publishes: one producer per request %.0f/s (%d producers), "
                + "one shared %.0f/s (%d producer)%n", MEASURED, perRequest, perRequestFactory.created,
                shared, sharedFactory.created);
        new BarChart("4.1 publishes per second, " + MEASURED + " synchronous publishes", "publishes/s")
                .bar("a producer per request", perRequest)
                .bar("one shared producer", shared)
                .write("week04-shared-producer");
        assertThat(kafka.recordCount(topic)).as("every publish stored, both ways").isEqualTo(2L * MEASURED);
        assertThat(perRequestFactory.created).as("producers the per-request publisher made").isEqualTo(MEASURED);
    }

    private static double publishesPerSecond(Publish publish) throws Exception {
        var start = System.nanoTime();
        for (var i = 0; i < MEASURED; i++) {
            publish.number(i);
        }
        return MEASURED / ((System.nanoTime() - start) / 1e9);
    }

    private interface Publish {
        void number(int i) throws Exception;
    }

    private static void publishConcurrently(OrderPublisher publisher, String topic) throws Exception {
        var pool = Executors.newFixedThreadPool(THREADS);
        try {
            var tasks = new ArrayList<Callable<Void>>();
            for (var t = 0; t < THREADS; t++) {
                var thread = t;
                tasks.add(() -> {
                    for (var i = 0; i < PER_THREAD; i++) {
                        publisher.publish(topic, "o-" + thread + "-" + i, "{}");
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(tasks)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Hands out producers for the kit's broker and counts how many were asked for. */
    private static final class CountingFactory implements Supplier<Producer<String, String>> {
        private final KafkaLab kafka;
        private final AtomicReference<Producer<String, String>> last = new AtomicReference<>();
        private volatile int created;

        CountingFactory(KafkaLab kafka) {
            this.kafka = kafka;
        }

        @Override
        public synchronized Producer<String, String> get() {
            created++;
            // Also closed after the test, so a publisher that forgets to close leaks nothing into the next.
            var producer = kafka.closeAfterTest(new KafkaProducer<String, String>(kafka.producerConfig()));
            last.set(producer);
            return producer;
        }
    }
}
