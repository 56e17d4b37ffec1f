package lab.week04;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.WithKafka;
import lab.kit.registry.LabSchemaRegistry;
import lab.kit.registry.WithSchemaRegistry;
import lab.kit.schema.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static lab.kit.junit.LabAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Against the lab's schema registry (the Confluent REST API, in the test JVM); see labkit's LabSchemaRegistry. */
@WithKafka
@WithSchemaRegistry
@Tag("ex4.7")
@DisplayName("4.7 Avro in the Confluent wire format, with a schema registry")
class ConfluentWireFormatTest {

    private String registryUrl;

    @BeforeEach
    void registry(LabSchemaRegistry registry) {
        registryUrl = registry.url();
    }

    @Test
    @DisplayName("the bytes: magic byte 0, the registry's schema id, then the Avro binary record")
    void layout(KafkaLab kafka) throws Exception {
        var registry = new SchemaRegistryClient(registryUrl);
        var id = registry.register(kafka.uniqueName("orders") + "-value", OrderSchemas.V1.toString());
        var order = OrderSchemas.orderV1("o-1", "sku-7", 2);

        var bytes = ConfluentWireFormat.serialize(order, id);

        assertThat(bytes[0]).as("byte 0, the magic byte").isEqualTo((byte) 0);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).as("bytes 1-4, the schema id").isEqualTo(id);
        assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).as("bytes 5-, Avro's binary encoding of the order")
                .isEqualTo(avroBinary(order));
        assertThat(ConfluentWireFormat.schemaIdOf(bytes)).as("schemaIdOf").isEqualTo(id);
        assertThat(read("deserialize() of the bytes serialize() wrote (the record starts after the 5-byte header)",
                bytes, OrderSchemas.V1, OrderSchemas.V1)).as("read back").isEqualTo(order);
    }

    @Test
    @DisplayName("bytes that are not in the wire format are refused, saying why")
    void refusesOtherBytes() {
        var json = "{\"orderId\": \"o-1\"}".getBytes(StandardCharsets.UTF_8);

        assertFails("schemaIdOf() of JSON text: its first byte is '{', not the magic byte 0",
                () -> ConfluentWireFormat.schemaIdOf(json))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("magic byte");
        assertFails("schemaIdOf() of 3 bytes: too short for the 5-byte header",
                () -> ConfluentWireFormat.schemaIdOf(new byte[] {0, 0, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5-byte header");
    }

    @Test
    @DisplayName("a v2 reader reads a v1 order, and the field v1 did not have gets its default")
    void readerSchemaResolvesTheWriters() {
        var bytes = ConfluentWireFormat.serialize(OrderSchemas.orderV1("o-1", "sku-1", 1), 1);

        var order = read("deserialize() of a v1 order with a v2 reader (Avro decodes with the writer's schema and "
                + "resolves onto the reader's: give its reader both)", bytes, OrderSchemas.V1, OrderSchemas.V2);

        assertThat(order.getSchema()).as("schema of the order read: the reader's, v2").isEqualTo(OrderSchemas.V2);
        assertThat(order.get("channel")).as("channel, missing from v1, filled from v2's default").hasToString("web");
        assertThat(order.get("quantity")).as("quantity, read from the v1 bytes").isEqualTo(1);
    }

    @Test
    @DisplayName("through Kafka: the serializer registers <topic>-value once; the consumer reads the orders back")
    void throughKafka(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders-avro", 1);
        var orders = List.of(OrderSchemas.orderV1("o-1", "sku-1", 1), OrderSchemas.orderV1("o-2", "sku-2", 2));

        produce(kafka, topic, orders);

        assertThat(readAs(kafka, topic, OrderSchemas.V1, 2)).as("orders read back").containsExactlyElementsOf(orders);
        var registry = new SchemaRegistryClient(registryUrl);
        assertThat(registry.versions(topic + "-value")).as("versions registered under %s-value", topic).containsExactly(1);
    }

    @Test
    @DisplayName("evolution: a v2 consumer reads v1 orders (the new field gets its default), a v1 consumer reads v2 orders")
    void evolution(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders-avro", 1);
        produce(kafka, topic, List.of(OrderSchemas.orderV1("o-1", "sku-1", 1)));
        produce(kafka, topic, List.of(OrderSchemas.orderV2("o-2", "sku-2", 2, "mobile")));

        var asV2 = readAs(kafka, topic, OrderSchemas.V2, 2);
        var asV1 = readAs(kafka, topic, OrderSchemas.V1, 2);

        assertThat(asV2).extracting(order -> order.get("channel").toString()).as("channel, read with v2")
                .containsExactly("web", "mobile");
        assertThat(asV1).extracting(order -> order.getSchema().getField("channel")).as("a v1 reader has no channel field")
                .containsOnlyNulls();
        assertThat(asV1).extracting(order -> order.get("orderId").toString()).containsExactly("o-1", "o-2");
        var registry = new SchemaRegistryClient(registryUrl);
        assertThat(registry.versions(topic + "-value")).as("v1 then v2 under BACKWARD").containsExactly(1, 2);
    }

    private void produce(KafkaLab kafka, String topic, List<GenericRecord> orders) throws Exception {
        try (var producer = AvroProducers.avroProducer(kafka, registryUrl)) {
            for (var order : orders) {
                producer.send(new ProducerRecord<>(topic, order.get("orderId").toString(), order)).get();
            }
        }
    }

    private List<GenericRecord> readAs(KafkaLab kafka, String topic, Schema reader, int count) {
        Map<String, Object> config = kafka.consumerConfig(kafka.uniqueName("reader"));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, RegistryAvroDeserializer.class);
        config.put(RegistryAvroSerializer.REGISTRY_URL, registryUrl);
        config.put(RegistryAvroDeserializer.READER_SCHEMA, reader);
        try (var consumer = new KafkaConsumer<String, GenericRecord>(config)) {
            consumer.subscribe(List.of(topic));
            return LabAwait.records(consumer, count).stream().map(record -> record.value()).toList();
        }
    }

    /** deserialize(), failing with {@code what} and the exception when it throws instead of answering. */
    private static GenericRecord read(String what, byte[] bytes, Schema writer, Schema reader) {
        var read = new AtomicReference<GenericRecord>();
        assertThatCode(() -> read.set(ConfluentWireFormat.deserialize(bytes, writer, reader))).as(what)
                .doesNotThrowAnyException();
        return read.get();
    }

    private static byte[] avroBinary(GenericRecord record) throws Exception {
        var out = new ByteArrayOutputStream();
        var encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
