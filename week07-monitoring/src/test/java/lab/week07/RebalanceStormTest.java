package lab.week07;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import lab.kit.junit.Background;
import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notification service, twice, on a real broker: 40 orders, 50 ms of work each, max.poll.interval.ms
 * 1 s. With Kafka's default of 500 records a poll, a poll's work takes 2 s: the consumer leaves its group
 * mid-batch, its commit fails and the orders come again. With the learner's settings it must process each
 * order once; and the learner's diagnosis must tell the two apart from the consumers' own metrics.
 */
@WithKafka
@Tag("ex7.9")
@DisplayName("7.9 Troubleshooting: a rebalance storm")
class RebalanceStormTest {

    private static final Duration PER_RECORD = Duration.ofMillis(50);
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final int ORDERS = 40;
    private static Runs runs;

    @Test
    @DisplayName("with your settings the service processes every order once, and no commit fails")
    void calmServiceProcessesEachOrderOnce(KafkaLab kafka) {
        var calm = runs(kafka).calm;

        assertThat(calm.commitFailures).as("commits that failed because the consumer had left its group (settings: %s)",
                calm.settings).isEmpty();
        assertThat(calm.processed).as("orders processed, with your settings %s", calm.settings)
                .hasSize(ORDERS).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("the diagnosis: the service with Kafka's defaults is in a storm")
    void brokenServiceIsInAStorm(KafkaLab kafka) {
        var broken = runs(kafka).broken;

        assertThat(broken.diagnosis()).as("inStorm for the service with the defaults: %s; it"
                + " processed %d times for %d orders, and %d commits failed", broken.signs(), broken.processed.size(), ORDERS,
                broken.commitFailures.size()).isTrue();
    }

    @Test
    @DisplayName("the diagnosis: the service with your settings is not in a storm")
    void calmServiceIsNot(KafkaLab kafka) {
        var calm = runs(kafka).calm;

        assertThat(calm.diagnosis()).as("inStorm for the service with your settings, which"
                + " processed each order once: %s", calm.signs()).isFalse();
    }

    @Test
    @DisplayName("the settings fit a poll's work into half of max.poll.interval.ms, and use at least a quarter of it")
    void settingsFitTheInterval() {
        for (var perRecord : List.of(Duration.ofMillis(5), Duration.ofMillis(50), Duration.ofMillis(300))) {
            var settings = RebalanceStorm.calmSettings(perRecord, INTERVAL);
            var records = ((Number) settings.getOrDefault(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500)).intValue();
            var interval = ((Number) settings.getOrDefault(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, INTERVAL.toMillis())).longValue();
            var work = records * perRecord.toMillis();

            assertThat(work).as("ms of work in a poll at %d ms a record with %s (max.poll.interval.ms %d): at most half of"
                    + " it, and at least a quarter (fewer records than that is work the service could have done)",
                    perRecord.toMillis(), settings, interval).isBetween(interval / 4, interval / 2);
        }
    }

    @Test
    @DisplayName("when one record takes longer than half the interval: one record a poll, and twice its time to do it")
    void oneSlowRecordRaisesTheInterval() {
        var settings = RebalanceStorm.calmSettings(Duration.ofSeconds(3), INTERVAL);

        assertThat(settings).as("settings at 3 s a record with max.poll.interval.ms 1000")
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        assertThat(((Number) settings.getOrDefault(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, INTERVAL.toMillis())).longValue())
                .as("max.poll.interval.ms for a record of 3 s, in %s", settings).isGreaterThanOrEqualTo(6000);
    }

    private static synchronized Runs runs(KafkaLab kafka) {
        if (runs == null) {
            runs = new Runs(kafka);
        }
        return runs;
    }

    /** The service with Kafka's defaults, then with the learner's settings, each on its own topic of 40 orders. */
    private static final class Runs {
        private final Service broken;
        private final Service calm;

        Runs(KafkaLab kafka) {
            var settings = RebalanceStorm.calmSettings(PER_RECORD, INTERVAL); // first: an unfinished stub fails at once
            broken = Service.run(kafka, Map.of(), service -> service.commitFailures.size() >= 1
                    && service.processed.size() > ORDERS);
            calm = Service.run(kafka, settings, service -> service.processed.size() >= ORDERS);
        }
    }

    /** The notification service: 50 ms per order, a commit after every poll. */
    private static final class Service {
        private final Map<String, Object> settings;
        private final List<String> processed = new CopyOnWriteArrayList<>();
        private final List<String> commitFailures = new CopyOnWriteArrayList<>();
        private volatile boolean polling = true;
        private volatile Map<MetricName, ? extends Metric> metrics;
        private volatile String signs = "";
        private boolean diagnosis;
        private RuntimeException diagnosisFailure;

        private Service(Map<String, Object> settings) {
            this.settings = settings;
        }

        /**
         * Runs the service until {@code done} holds (or 20 s), and asks the learner's diagnosis then, while the
         * consumer is open and polling (a closed consumer's "last poll" only grows); then stops it.
         */
        static Service run(KafkaLab kafka, Map<String, Object> settings, java.util.function.Predicate<Service> done) {
            var service = new Service(settings);
            var topic = kafka.createTopic("orders", 1);
            try (var producer = kafka.newProducer()) {
                for (int i = 0; i < ORDERS; i++) {
                    producer.send(new ProducerRecord<>(topic, "o-" + i, "order.created"));
                }
            }
            var config = new HashMap<>(kafka.manualCommitConfig(kafka.uniqueName("notifications")));
            config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) INTERVAL.toMillis());
            config.putAll(settings);
            var consumer = new KafkaConsumer<String, String>(config);
            var thread = Background.start("notification-service", () -> service.loop(consumer, topic));
            try {
                thread.awaitUntil("the service with " + settings + " to finish its orders", () -> done.test(service));
                service.signs = service.readSigns();
                try {
                    service.diagnosis = RebalanceStorm.inStorm(service.metrics, INTERVAL);
                } catch (RuntimeException e) {
                    service.diagnosisFailure = e;
                }
            } finally {
                service.polling = false;
                try {
                    thread.ended(Duration.ofSeconds(10));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return service;
        }

        boolean diagnosis() {
            if (diagnosisFailure != null) {
                throw diagnosisFailure;
            }
            return diagnosis;
        }

        private void loop(KafkaConsumer<String, String> consumer, String topic) {
            try (consumer) {
                metrics = consumer.metrics();
                consumer.subscribe(List.of(topic));
                while (polling) {
                    var records = consumer.poll(Duration.ofMillis(100));
                    for (var record : records) {
                        if (!polling) {
                            break;
                        }
                        TimeUnit.MILLISECONDS.sleep(PER_RECORD.toMillis()); // the service's work, not a wait for a result
                        processed.add(record.key());
                    }
                    if (!records.isEmpty() && polling) {
                        try {
                            consumer.commitSync();
                        } catch (KafkaException e) { // CommitFailedException, RebalanceInProgressException
                            commitFailures.add(e.getClass().getSimpleName());
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private String readSigns() {
            var found = new StringBuilder();
            metrics.forEach((name, metric) -> {
                if ((name.group().equals("consumer-coordinator-metrics") && List.of("rebalance-total", "failed-rebalance-total",
                        "rebalance-rate-per-hour").contains(name.name()))
                        || (name.group().equals("consumer-metrics") && name.name().equals("last-poll-seconds-ago"))) {
                    found.append(name.group()).append(' ').append(name.name()).append(' ').append(metric.metricValue()).append("; ");
                }
            });
            return found.toString();
        }

        String signs() {
            return signs;
        }
    }
}
