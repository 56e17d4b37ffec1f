package lab.week04;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;

/**
 * Exercise 4.9: a gate in front of the order handling. Each JSON order is checked against the
 * topic's JSON Schema ({@code src/main/resources/json/order-placed.schema.json}) with networknt's
 * validator. A valid order goes on to the handler; an invalid one is never dropped and never allowed
 * to stop the consumer: it goes to the dead letter topic (4.3) with every problem in its error header.
 */
public final class OrderGate {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonSchema schema;
    private final Producer<byte[], byte[]> producer;
    private final String deadLetterTopic;
    private final Consumer<JsonNode> handler;

    public OrderGate(InputStream jsonSchema, Producer<byte[], byte[]> producer, String deadLetterTopic,
                     Consumer<JsonNode> handler) {
        // Parsed once: compiling a schema is the expensive part, validating with it is cheap.
        this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(jsonSchema);
        this.producer = producer;
        this.deadLetterTopic = deadLetterTopic;
        this.handler = handler;
    }

    /** What is wrong with {@code value} as an order, sorted; empty when it is a valid one. */
    public List<String> problems(byte[] value) {
        if (value == null) {
            return List.of("no value (a tombstone): not an order");
        }
        try {
            return schema.validate(JSON.readTree(value)).stream().map(ValidationMessage::getMessage).sorted().toList();
        } catch (JsonProcessingException e) {
            // Not even JSON: still a clear answer, never an exception that stops the consumer.
            return List.of("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a byte array does no I/O that can fail
        }
    }

    /** Hands a valid order to the handler; parks an invalid one on the dead letter topic and waits until it is stored. */
    public void accept(ConsumerRecord<byte[], byte[]> record) throws ExecutionException, InterruptedException {
        var problems = problems(record.value());
        if (problems.isEmpty()) {
            handler.accept(readTree(record.value()));
            return;
        }
        // Stored before the caller commits the offset: an invalid order is parked, not lost.
        producer.send(DeadLetters.deadLetterOf(record, new InvalidEventException(problems), deadLetterTopic)).get();
    }

    private static JsonNode readTree(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new IllegalStateException("validated JSON that does not parse", e);
        }
    }
}
