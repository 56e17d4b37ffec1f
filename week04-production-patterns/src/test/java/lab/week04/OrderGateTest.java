package lab.week04;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import lab.kit.junit.Codec;
import lab.kit.junit.Intercept;
import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static lab.kit.junit.LabAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

@WithKafka
@Tag("ex4.9")
@DisplayName("4.9 JSON Schema validation at the door, invalid orders to the DLT")
class OrderGateTest {

    private static final String VALID = "{\"orderId\": \"o-1\", \"sku\": \"sku-7\", \"quantity\": 2, \"channel\": \"app\"}";

    @Test
    @DisplayName("a valid order has no problems")
    void validOrder() {
        var gate = gate(null, "unused", order -> { });

        assertThat(gate.problems(utf8(VALID))).as("problems of %s", VALID).isEmpty();
    }

    @Test
    @DisplayName("every problem is reported, each naming its field")
    void everyProblemReported() {
        var gate = gate(null, "unused", order -> { });
        var invalid = "{\"orderId\": \"o-2\", \"quantity\": 0, \"channel\": \"fax\"}";

        var problems = gate.problems(utf8(invalid));

        assertThat(problems).as("problems of %s: sku missing, quantity below 1, channel not one of the enum", invalid)
                .hasSize(3)
                .anyMatch(p -> p.contains("sku"))
                .anyMatch(p -> p.contains("quantity"))
                .anyMatch(p -> p.contains("channel"));
    }

    @Test
    @DisplayName("bytes that are not JSON are one clear problem, not an exception")
    void notJson() {
        var gate = gate(null, "unused", order -> { });

        var problems = problemsOf(gate, new byte[] {(byte) 0xC3, 0x28, '{'}, "problems() of 3 bytes that are not JSON "
                + "must answer with a list, not throw: catch what the parser throws");

        assertThat(problems).as("problems of 3 bytes that are not JSON").singleElement().asString().startsWith("not JSON: ");
    }

    @Test
    @DisplayName("a record without a value (a tombstone) is one clear problem too")
    void noValue() {
        var gate = gate(null, "unused", order -> { });

        var problems = problemsOf(gate, null, "problems() of a null value (a tombstone) must answer with a list, not "
                + "throw: the parser refuses null, so check for it first");

        assertThat(problems).as("problems of a null value").singleElement().asString().startsWith("no value");
    }

    @Test
    @DisplayName("an invalid order Kafka did not park is not let through: accept() fails, so its offset is not committed")
    void unparkedOrderFails() {
        // A producer whose sends all fail, as when the dead letter topic is unavailable.
        Producer<byte[], byte[]> failing = Intercept.of(Producer.class,
                new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer()),
                call -> call.named("send") ? CompletableFuture.failedFuture(new TimeoutException("dlt unavailable"))
                        : call.proceed());
        var gate = gate(failing, "orders-json.dlt", order -> { });
        var invalid = new ConsumerRecord<>("orders-json", 0, 4L, utf8("o-4"), utf8("{\"orderId\": \"o-4\"}"));

        assertFails("accept() of an invalid order whose dead letter was not stored (did it wait for the send?)",
                () -> gate.accept(invalid)).hasRootCauseInstanceOf(TimeoutException.class);
    }

    @Test
    @DisplayName("on the broker: valid orders are handled, invalid ones parked with their problems, none lost")
    void noneLost(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders-json", 1);
        var dlt = kafka.createTopic("orders-json.dlt", 1);
        var events = List.of(VALID, "{\"orderId\": \"o-2\", \"sku\": \"sku-1\"}",
                "{\"orderId\": \"o-3\", \"sku\": \"sku-2\", \"quantity\": 1}", "not json at all",
                "{\"orderId\": \"o-5\", \"sku\": \"sku-3\", \"quantity\": 5, \"coupon\": \"X\"}");
        var producer = kafka.newProducer(Codec.BYTES);
        for (var event : events) {
            producer.send(new ProducerRecord<>(topic, utf8("k"), utf8(event))).get();
        }
        var handled = new ArrayList<String>();
        var gate = gate(producer, dlt, order -> handled.add(order.get("orderId").asText()));
        var consumer = kafka.newConsumer(kafka.manualCommitConfig(kafka.uniqueName("orders")), Codec.BYTES);
        consumer.subscribe(List.of(topic));

        for (var record : LabAwait.records(consumer, events.size())) {
            gate.accept(record);
        }

        assertThat(handled).as("orders handed to the handler").containsExactly("o-1", "o-3");
        var parked = kafka.readAll(dlt, 3, Codec.BYTES);
        assertThat(parked).extracting(r -> text(r.value())).as("values parked on the DLT, byte for byte")
                .containsExactly(events.get(1), events.get(3), events.get(4));
        assertThat(text(parked.get(0).headers().lastHeader(DeadLetters.ERROR_MESSAGE).value()))
                .as("error message of the order without a quantity").contains("quantity");
        assertThat(text(parked.get(2).headers().lastHeader(DeadLetters.ERROR_MESSAGE).value()))
                .as("error message of the order with an unknown property (additionalProperties is false)")
                .contains("coupon");
        assertThat(text(parked.get(0).headers().lastHeader(DeadLetters.ERROR_CLASS).value())).as("error class")
                .isEqualTo(InvalidEventException.class.getName());
    }

    private static OrderGate gate(Producer<byte[], byte[]> producer, String dlt,
                                  Consumer<JsonNode> handler) {
        InputStream schema = OrderGateTest.class.getResourceAsStream("/json/order-placed.schema.json");
        return new OrderGate(schema, producer, dlt, handler);
    }

    /** gate.problems(value), failing with {@code what} and the exception when it throws instead of answering. */
    private static List<String> problemsOf(OrderGate gate, byte[] value, String what) {
        var problems = new AtomicReference<List<String>>();
        assertThatCode(() -> problems.set(gate.problems(value))).as(what).doesNotThrowAnyException();
        return problems.get();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
