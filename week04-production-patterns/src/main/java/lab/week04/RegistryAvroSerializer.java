package lab.week04;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import lab.kit.schema.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka serializer for Avro records in the Confluent wire format (what Confluent's
 * {@code KafkaAvroSerializer} does): it registers the record's schema under the subject
 * {@code <topic>-value} (the default TopicNameStrategy) once, then writes each record with that id.
 * Set {@value #REGISTRY_URL} in the producer's configuration.
 */
public final class RegistryAvroSerializer implements Serializer<GenericRecord> {

    public static final String REGISTRY_URL = "schema.registry.url";

    private final Map<String, Integer> idBySubjectAndSchema = new ConcurrentHashMap<>();
    private SchemaRegistryClient registry;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        var url = configs.get(REGISTRY_URL);
        if (url == null) {
            throw new IllegalArgumentException("Set " + REGISTRY_URL + " in the producer's configuration"
                    + " (in tests: the url() of the LabSchemaRegistry that @WithSchemaRegistry gives)");
        }
        registry = new SchemaRegistryClient(url.toString());
    }

    @Override
    public byte[] serialize(String topic, GenericRecord record) {
        if (record == null) {
            return null;
        }
        Schema schema = record.getSchema();
        var subject = topic + "-value";
        var id = idBySubjectAndSchema.computeIfAbsent(subject + "|" + schema, key -> registry.register(subject, schema.toString()));
        return ConfluentWireFormat.serialize(record, id);
    }
}
