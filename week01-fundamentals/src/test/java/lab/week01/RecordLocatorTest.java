package lab.week01;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import lab.kit.junit.Intercept;
import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@WithKafka
@Tag("ex1.4")
@DisplayName("1.4 Finding a record by topic, partition and offset")
class RecordLocatorTest {

    @Test
    @DisplayName("the record at an address is the one that was stored there")
    void findsRecordAtItsAddress(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 3);
        var stored = new ArrayList<RecordMetadata>();
        var producer = kafka.newProducer();
        for (int i = 0; i < 10; i++) {
            stored.add(producer.send(new ProducerRecord<>(topic, "o-" + i, "order.created #" + i)).get());
        }
        var address = stored.get(7);

        var found = locator(kafka).find(topic, address.partition(), address.offset());

        assertThat(found).as("record at %s-%d@%d", topic, address.partition(), address.offset()).isPresent();
        assertThat(found.get().key()).isEqualTo("o-7");
        assertThat(found.get().value()).isEqualTo("order.created #7");
    }

    @Test
    @DisplayName("an offset past the end of the partition finds nothing, at once")
    void offsetPastTheEnd(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 1);
        kafka.newProducer().send(new ProducerRecord<>(topic, "o-1", "order.created")).get();

        var locator = locator(kafka);

        assertThat(locator.find(topic, 0, 42)).as("offset 42 of a partition holding one record (offset 0)").isEmpty();
        // Offset 1 is the end itself: a seek there is valid, and a poll just waits for a record that is not there.
        var started = System.nanoTime();
        assertThat(locator.find(topic, 0, 1)).as("offset 1, the end of a partition holding one record").isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("time find() took for offset 1: the end offset "
                + "says at once that it is not there yet; polling until a deadline waits for a record that may "
                + "never come").isLessThan(Duration.ofSeconds(3));
    }

    @Test
    @DisplayName("an offset that holds no record finds nothing, even with records after it")
    void offsetWithoutRecord(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 1);
        var producer = kafka.newProducer(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, kafka.uniqueName("orders-tx")));
        producer.initTransactions();
        for (var order : List.of("o-1", "o-2")) {
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, order, "order.created"));
            producer.commitTransaction();
        }
        // Each commit writes a marker after its record: o-1 at offset 0, a marker at 1, o-2 at 2, a marker at 3.

        var found = locator(kafka).find(topic, 0, 1);

        assertThat(found).as("offset 1, an offset that holds a transaction marker, not a record (o-1 is at 0, o-2 at 2):"
                + " the first record after a seek can be a later one; compare its offset with the one asked for").isEmpty();
    }

    @Test
    @DisplayName("a poll that brings nothing does not end the search")
    void keepsPollingAfterAnEmptyPoll(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 1);
        var stored = kafka.newProducer().send(new ProducerRecord<>(topic, "o-1", "order.created")).get();
        var polls = new AtomicInteger();
        // The first poll brings nothing, as a first poll often does while the consumer fetches.
        var locator = new RecordLocator(firstPollEmpty(kafka.newConsumerWithoutGroup(), polls));

        var found = locator.find(topic, 0, stored.offset());

        assertThat(found).as("record at offset %d after a first poll that brought nothing (%d polls made): one poll is"
                + " not enough, poll in a loop until a deadline", stored.offset(), polls.get()).isPresent();
    }

    /** The consumer, whose first poll returns no records without asking the broker. */
    @SuppressWarnings("unchecked") // the stand-in is of the raw interface
    private static Consumer<String, String> firstPollEmpty(Consumer<String, String> consumer, AtomicInteger polls) {
        return Intercept.of(Consumer.class, consumer, call ->
                call.named("poll") && polls.incrementAndGet() == 1 ? ConsumerRecords.empty() : call.proceed());
    }

    private static RecordLocator locator(KafkaLab kafka) {
        return new RecordLocator(kafka.newConsumerWithoutGroup());
    }
}
