package lab.week04;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import lab.kit.junit.Codec;
import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import lab.kit.registry.LabSchemaRegistry;
import lab.kit.registry.WithSchemaRegistry;
import lab.kit.schema.CompatibilityLevel;
import lab.kit.schema.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The order service's build, checking the inventory service's contract
 * ({@code src/main/resources/contracts/inventory-reads-order-placed.avsc}).
 */
@WithKafka
@WithSchemaRegistry
@Tag("ex4.11")
@DisplayName("4.11 Contract tests: the producer's events checked against the consumer's schema")
class EventContractTest {

    private String registryUrl;

    @BeforeEach
    void registry(LabSchemaRegistry registry) {
        registryUrl = registry.url();
    }

    /** The order team's next version: quantity renamed to qty, no alias. It looks harmless in review. */
    static final Schema RENAMED_QUANTITY = new Schema.Parser().parse("""
            {"type": "record", "name": "OrderPlaced", "namespace": "shop.orders", "fields": [
              {"name": "orderId", "type": "string"},
              {"name": "sku", "type": "string"},
              {"name": "qty", "type": "int"},
              {"name": "channel", "type": "string", "default": "web"}
            ]}""");

    private final EventContract contract = new EventContract(OrderSchemas.INVENTORY_CONTRACT);

    @Test
    @DisplayName("the order service's schemas today, v1 and v2, honour the inventory contract")
    void todaysSchemasHonourTheContract() {
        assertThat(contract.breaches(OrderSchemas.V1)).as("breaches of the contract by v1").isEmpty();
        assertThat(contract.breaches(OrderSchemas.V2)).as("breaches by v2 (inventory does not read channel; "
                + "it has a default for priority)").isEmpty();
    }

    @Test
    @DisplayName("renaming quantity breaks the contract, and the breach names the field")
    void renameIsCaught() {
        var breaches = contract.breaches(RENAMED_QUANTITY);

        assertThat(breaches).as("breaches when quantity becomes qty (the consumer is the reader)").singleElement()
                .asString().contains("quantity");
    }

    @Test
    @DisplayName("events on the topic: the broken one is named by its offset, the good ones pass")
    void eventsOnTheTopic(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders-avro", 1);
        var registry = new SchemaRegistryClient(registryUrl);
        // The order team turned the registry's check off for this subject, so only the contract test stands in the way.
        registry.register(topic + "-value", OrderSchemas.V1.toString());
        registry.setCompatibility(topic + "-value", CompatibilityLevel.NONE);
        try (var producer = AvroProducers.avroProducer(kafka, registryUrl)) {
            producer.send(new ProducerRecord<>(topic, "o-1", OrderSchemas.orderV1("o-1", "sku-1", 1))).get();
            producer.send(new ProducerRecord<>(topic, "o-2", OrderSchemas.orderV2("o-2", "sku-2", 2, "app"))).get();
            producer.send(new ProducerRecord<>(topic, "o-3", renamed("o-3", "sku-3", 3))).get();
        }
        var events = kafka.readAll(topic, 3, Codec.BYTES);

        var breaches = contract.breachesIn(events, registry);

        assertThat(breaches).as("breaches found on %s (offsets 0 and 1 are v1 and v2, offset 2 the renamed one)", topic)
                .singleElement().asString().startsWith(topic + "-0@2: ").contains("quantity");
    }

    @Test
    @DisplayName("an event that is not in the wire format is a breach, not a crash")
    void unreadableEvent(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders-avro", 1);
        var producer = kafka.newProducer(Codec.BYTES);
        producer.send(new ProducerRecord<>(topic, "o-1".getBytes(), "{\"orderId\": \"o-1\"}".getBytes())).get();
        var events = kafka.readAll(topic, 1, Codec.BYTES);

        var breaches = new AtomicReference<List<String>>();
        assertThatCode(() -> breaches.set(contract.breachesIn(events, new SchemaRegistryClient(registryUrl))))
                .as("breachesIn() of a JSON event on an Avro topic must report it as a breach, not throw: one "
                        + "unreadable event must not stop the check of the others").doesNotThrowAnyException();

        assertThat(breaches.get()).as("breaches for a JSON event on an Avro topic").singleElement().asString()
                .startsWith(topic + "-0@0: ").contains("magic byte");
    }

    private static GenericRecord renamed(String orderId, String sku, int qty) {
        var record = new GenericData.Record(RENAMED_QUANTITY);
        record.put("orderId", orderId);
        record.put("sku", sku);
        record.put("qty", qty);
        record.put("channel", "web");
        return record;
    }
}
