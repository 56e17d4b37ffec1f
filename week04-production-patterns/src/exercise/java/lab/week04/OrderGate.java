package lab.week04;

import java.io.InputStream;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    private final Producer<byte[], byte[]> producer;
    private final String deadLetterTopic;
    private final Consumer<JsonNode> handler;

    public OrderGate(InputStream jsonSchema, Producer<byte[], byte[]> producer, String deadLetterTopic,
                     Consumer<JsonNode> handler) {
        // TODO 4.9: parse jsonSchema once into a field, with networknt's JsonSchemaFactory for draft 2020-12.
        this.producer = producer;
        this.deadLetterTopic = deadLetterTopic;
        this.handler = handler;
    }

    /** What is wrong with {@code value} as an order, sorted; empty when it is a valid one. */
    public List<String> problems(byte[] value) {
        // TODO 4.9: parse with JSON, validate with the schema, each problem's message, sorted.
        //           Not JSON at all: one problem starting "not JSON: ". No value (null): one starting "no value".
        throw new UnsupportedOperationException("Exercise 4.9 not done yet: see HINTS.md#49");
    }

    /** Hands a valid order to the handler; parks an invalid one on the dead letter topic and waits until it is stored. */
    public void accept(ConsumerRecord<byte[], byte[]> record) throws ExecutionException, InterruptedException {
        // TODO 4.9: no problems: handler.accept(the parsed JSON). Otherwise send DeadLetters.deadLetterOf(record,
        //           new InvalidEventException(problems), deadLetterTopic) and wait for it.
        throw new UnsupportedOperationException("Exercise 4.9 not done yet: see HINTS.md#49");
    }
}
