package lab.week04;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lab.kit.schema.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Exercise 4.11: a consumer-driven contract test. The consumer team writes down what it reads, as its
 * Avro reader schema ({@code src/main/resources/contracts/}); the producer team runs this check in its
 * own build, against the schema it is about to ship and against events it really produced. A breaking
 * change then fails the producer's build, before it reaches a topic and a consumer's dead letter queue.
 */
public final class EventContract {

    private final Schema consumerSchema;

    public EventContract(Schema consumerSchema) {
        this.consumerSchema = consumerSchema;
    }

    /** How records written with {@code producerSchema} would break the consumer; empty when they would not. */
    public List<String> breaches(Schema producerSchema) {
        // The consumer is the reader, the producer the writer: the question of 4.8, asked for one consumer.
        return EvolutionRules.problems(consumerSchema, producerSchema);
    }

    /**
     * Checks events as they are on a topic (Confluent wire format): each one's writer schema, fetched from
     * the registry by the id in the event, must honour the contract, and the event must decode with the
     * consumer's schema. Returns one line per breach, starting with the event's {@code topic-partition@offset}.
     */
    public List<String> breachesIn(List<ConsumerRecord<byte[], byte[]>> events, SchemaRegistryClient registry) {
        var writers = new HashMap<Integer, Schema>();
        var found = new ArrayList<String>();
        for (var event : events) {
            var where = event.topic() + "-" + event.partition() + "@" + event.offset() + ": ";
            try {
                var writer = writerOf(event.value(), registry, writers);
                var breaches = breaches(writer);
                breaches.forEach(breach -> found.add(where + breach));
                if (breaches.isEmpty()) {
                    // The schemas agree; decoding proves the bytes really are what the schema says.
                    ConfluentWireFormat.deserialize(event.value(), writer, consumerSchema);
                }
            } catch (RuntimeException e) {
                found.add(where + "cannot be read: " + e.getMessage());
            }
        }
        return found;
    }

    private static Schema writerOf(byte[] event, SchemaRegistryClient registry, Map<Integer, Schema> writers) {
        // Ids never change their schema: parse each once.
        return writers.computeIfAbsent(ConfluentWireFormat.schemaIdOf(event),
                id -> new Schema.Parser().parse(registry.schemaById(id)));
    }
}
