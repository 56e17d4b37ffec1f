package lab.week03;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import lab.kit.junit.Codec;
import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
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

        var orders = LabAwait.collect("the 2 good orders", () -> setup.reader.poll(Duration.ofMillis(200)), 2,
                "Only the first? The consumer must seek past the pill, or every poll fails on it again.");

        assertThat(orders).containsExactly(new OrderPlaced("o-1", "beans", 2), new OrderPlaced("o-2", "grinder", 1));
    }

    @Test
    @DisplayName("the pill is parked on the dead letter topic with its raw bytes and its origin")
    void parksThePill(KafkaLab kafka) throws Exception {
        var setup = new Setup(kafka);

        LabAwait.collect("the 2 good orders", () -> setup.reader.poll(Duration.ofMillis(200)), 2,
                "Is the pill skipped (seek past it) after it is parked?");

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

    private static final class Setup {
        private final String orders;
        private final String deadLetters;
        private final PoisonPillConsumer reader;

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
            reader = new PoisonPillConsumer(consumer, dlt, deadLetters);
        }
    }
}
