package lab.week03;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;

import lab.kit.junit.Codec;
import lab.kit.junit.Intercept;
import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An order, a record that is not JSON, another order: on one partition, in that order. */
@WithKafka
@Tag("ex3.2")
@DisplayName("3.2 A poison pill neither stops the consumer nor gets lost")
class PoisonPillConsumerTest {

    private static final String PILL = "this is not JSON {";

    @Test
    @DisplayName("the orders before and after the pill are read")
    void readsAroundThePill(KafkaLab kafka) throws Exception {
        var setup = new Setup(kafka);

        var orders = setup.readTheGoodOrders("Only the first? The consumer must seek past the pill, or every poll fails on it again.");

        assertThat(orders).containsExactly(new OrderPlaced("o-1", "beans", 2), new OrderPlaced("o-2", "grinder", 1));
    }

    @Test
    @DisplayName("the pill is parked on the dead letter topic with its raw bytes and its origin")
    void parksThePill(KafkaLab kafka) throws Exception {
        var setup = new Setup(kafka);

        setup.readTheGoodOrders("Is the pill skipped (seek past it) after it is parked?");

        assertThat(kafka.recordCount(setup.deadLetters)).as("records on the dead letter topic once the orders after the "
                + "pill were read (the pill must be parked before the consumer moves past it)").isEqualTo(1);
        var parked = kafka.readAll(setup.deadLetters, 1, Codec.BYTES);
        assertThat(parked).as("records on the dead letter topic").hasSize(1);
        assertThat(parked.get(0).value()).as("the pill's bytes, unchanged").isEqualTo(PILL.getBytes(StandardCharsets.UTF_8));
        var origin = parked.get(0).headers().lastHeader(PoisonPillConsumer.ORIGIN_HEADER);
        assertThat(origin).as("header %s", PoisonPillConsumer.ORIGIN_HEADER).isNotNull();
        assertThat(new String(origin.value(), StandardCharsets.UTF_8)).as("header %s: where the pill was",
                PoisonPillConsumer.ORIGIN_HEADER).isEqualTo(setup.orders + "-0@1");
        var error = parked.get(0).headers().lastHeader(PoisonPillConsumer.ERROR_HEADER);
        assertThat(error).as("header %s: why it was parked", PoisonPillConsumer.ERROR_HEADER).isNotNull();
        assertThat(new String(error.value(), StandardCharsets.UTF_8)).as("header %s", PoisonPillConsumer.ERROR_HEADER)
                .isNotBlank();
    }

    @Test
    @DisplayName("the pill is stored on the dead letter topic before the consumer seeks past it")
    void parkedBeforeSeekingPast(KafkaLab kafka) throws Exception {
        var setup = new Setup(kafka);

        setup.readTheGoodOrders("Is the pill skipped (seek past it) after it is parked?");

        assertThat(setup.unstoredAtSeeks).as("parked sends not yet stored when the consumer sought past the pill (wait "
                + "for the dead letter's send: seeking past a pill that is not stored anywhere loses it)")
                .isNotEmpty().containsOnly(0);
    }

    private static final class Setup {
        private final String orders;
        private final String deadLetters;
        private final PoisonPillConsumer reader;
        /** The futures of the sends to the dead letter topic. */
        private final List<Future<RecordMetadata>> parkedSends = new CopyOnWriteArrayList<>();
        /** At each seek of the consumer: how many of those sends were not yet done. */
        private final List<Integer> unstoredAtSeeks = new CopyOnWriteArrayList<>();

        Setup(KafkaLab kafka) throws Exception {
            orders = kafka.createTopic("orders", 1);
            deadLetters = kafka.createTopic("orders.dlt", 1);
            var producer = kafka.newProducer();
            producer.send(new ProducerRecord<>(orders, "o-1", "{\"orderId\":\"o-1\",\"sku\":\"beans\",\"quantity\":2}")).get();
            producer.send(new ProducerRecord<>(orders, "o-x", PILL)).get();
            producer.send(new ProducerRecord<>(orders, "o-2", "{\"orderId\":\"o-2\",\"sku\":\"grinder\",\"quantity\":1}")).get();

            var config = kafka.consumerConfig(kafka.uniqueName("inventory"));
            config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, OrderPlacedDeserializer.class);
            var consumer = kafka.closeAfterTest(new KafkaConsumer<String, OrderPlaced>(config));
            consumer.subscribe(List.of(orders));
            var dltConfig = kafka.producerConfig();
            dltConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            dltConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            var dlt = kafka.closeAfterTest(new KafkaProducer<byte[], byte[]>(dltConfig));
            reader = new PoisonPillConsumer(seeksWatched(consumer), sendsWatched(dlt), deadLetters);
        }

        /** Polls until the 2 good orders came; fails at once when the pill is parked a second time. */
        List<OrderPlaced> readTheGoodOrders(String hint) {
            return LabAwait.collect("the 2 good orders", () -> {
                var read = reader.poll(Duration.ofMillis(200));
                assertThat(parkedSends).as("times the pill was parked: once (a second time means the next poll failed on "
                        + "it again: seek to the pill's offset + 1)").hasSizeLessThanOrEqualTo(1);
                return read;
            }, 2, hint);
        }

        @SuppressWarnings("unchecked") // the stand-in is of the raw interface
        private Producer<byte[], byte[]> sendsWatched(Producer<byte[], byte[]> producer) {
            return Intercept.of(Producer.class, producer, call -> {
                var result = call.proceed();
                if (call.named("send")) {
                    parkedSends.add((Future<RecordMetadata>) result);
                }
                return result;
            });
        }

        @SuppressWarnings("unchecked") // the stand-in is of the raw interface
        private Consumer<String, OrderPlaced> seeksWatched(Consumer<String, OrderPlaced> consumer) {
            return Intercept.of(Consumer.class, consumer, call -> {
                if (call.named("seek")) {
                    unstoredAtSeeks.add((int) parkedSends.stream().filter(sent -> !sent.isDone()).count());
                }
                return call.proceed();
            });
        }
    }
}
