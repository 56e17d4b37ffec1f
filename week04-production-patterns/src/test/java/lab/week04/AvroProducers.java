package lab.week04;

import lab.kit.junit.KafkaLab;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/** A producer of Avro records in the Confluent wire format, registering with the schema registry at {@code registryUrl}. */
final class AvroProducers {

    private AvroProducers() {
    }

    /** String keys, Avro values through {@link RegistryAvroSerializer}; the caller closes it. */
    static KafkaProducer<String, GenericRecord> avroProducer(KafkaLab kafka, String registryUrl) {
        var config = kafka.producerConfig();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, RegistryAvroSerializer.class);
        config.put(RegistryAvroSerializer.REGISTRY_URL, registryUrl);
        return new KafkaProducer<>(config);
    }
}
