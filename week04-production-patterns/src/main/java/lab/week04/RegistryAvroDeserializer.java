package lab.week04;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import lab.kit.schema.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A Kafka deserializer for Avro records in the Confluent wire format: it reads the schema id from each
 * record, fetches that writer's schema from the registry once, and reads the record as the consumer's
 * own schema ({@value #READER_SCHEMA}, an Avro {@link Schema} object in the consumer's configuration).
 */
public final class RegistryAvroDeserializer implements Deserializer<GenericRecord> {

    public static final String READER_SCHEMA = "lab.avro.reader.schema";

    private final Map<Integer, Schema> writerSchemas = new ConcurrentHashMap<>();
    private SchemaRegistryClient registry;
    private Schema readerSchema;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        var url = configs.get(RegistryAvroSerializer.REGISTRY_URL);
        if (url == null || !(configs.get(READER_SCHEMA) instanceof Schema reader)) {
            throw new IllegalArgumentException("Set " + RegistryAvroSerializer.REGISTRY_URL + " and " + READER_SCHEMA
                    + " (an org.apache.avro.Schema) in the consumer's configuration");
        }
        registry = new SchemaRegistryClient(url.toString());
        readerSchema = reader;
    }

    @Override
    public GenericRecord deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        var writer = writerSchemas.computeIfAbsent(ConfluentWireFormat.schemaIdOf(bytes),
                id -> new Schema.Parser().parse(registry.schemaById(id)));
        return ConfluentWireFormat.deserialize(bytes, writer, readerSchema);
    }
}
