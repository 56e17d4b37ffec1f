package lab.week04;

import java.util.List;

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
        // TODO 4.11: who is the reader here, who the writer? 4.8 has the check.
        throw new UnsupportedOperationException("Exercise 4.11 not done yet: see HINTS.md#411");
    }

    /**
     * Checks events as they are on a topic (Confluent wire format): each one's writer schema, fetched from
     * the registry by the id in the event, must honour the contract, and the event must decode with the
     * consumer's schema. Returns one line per breach, starting with the event's {@code topic-partition@offset}.
     */
    public List<String> breachesIn(List<ConsumerRecord<byte[], byte[]>> events, SchemaRegistryClient registry) {
        // TODO 4.11: for each event: the schema id (4.7), the writer schema from the registry (parse each id
        //            once), its breaches prefixed "topic-partition@offset: "; with none, decode it with the
        //            consumer's schema. An event that cannot be read at all is a breach too, not an exception.
        throw new UnsupportedOperationException("Exercise 4.11 not done yet: see HINTS.md#411");
    }
}
