package lab.kit.registry;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import lab.kit.schema.CompatibilityLevel;
import lab.kit.schema.RegisteredSchema;
import lab.kit.schema.SchemaRegistryClient;
import lab.kit.schema.SchemaRegistryException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@WithKafka
@WithSchemaRegistry
@DisplayName("The lab's schema registry (Confluent REST API subset, schemas in a compacted topic)")
class LabSchemaRegistryTest {

    private static final String V1 = """
            {"type": "record", "name": "Order", "namespace": "shop", "fields": [
              {"name": "id", "type": "string"}, {"name": "amount", "type": "double"}]}""";
    /** V1 plus an optional field with a default: backward and forward compatible. */
    private static final String V2_OPTIONAL = """
            {"type": "record", "name": "Order", "namespace": "shop", "fields": [
              {"name": "id", "type": "string"}, {"name": "amount", "type": "double"},
              {"name": "currency", "type": "string", "default": "EUR"}]}""";
    /** V1 plus a required field: a new reader cannot fill it from old data. */
    private static final String V2_REQUIRED = """
            {"type": "record", "name": "Order", "namespace": "shop", "fields": [
              {"name": "id", "type": "string"}, {"name": "amount", "type": "double"},
              {"name": "customer", "type": "string"}]}""";

    @Test
    @DisplayName("registers a schema once, and serves it by id and by subject and version")
    void registerAndFetch(KafkaLab kafka, LabSchemaRegistry registry) {
        var client = new SchemaRegistryClient(registry.url());
        var subject = kafka.uniqueName("orders-value");

        var id = client.register(subject, V1);

        assertThat(client.register(subject, V1)).as("the same schema again").isEqualTo(id);
        assertThat(client.versions(subject)).containsExactly(1);
        assertThat(client.register(kafka.uniqueName("other-value"), V1)).as("the same schema in another subject").isEqualTo(id);
        assertThat(new SchemaRegistryClient(registry.url()).schemaById(id)).contains("\"name\":\"Order\"");
        assertThat(client.latest(subject)).extracting(RegisteredSchema::version, RegisteredSchema::id).containsExactly(1, id);
    }

    @Test
    @DisplayName("BACKWARD (the default) accepts an optional field and refuses a required one with 409")
    void backwardByDefault(KafkaLab kafka, LabSchemaRegistry registry) {
        var client = new SchemaRegistryClient(registry.url());
        var subject = kafka.uniqueName("orders-value");
        client.register(subject, V1);

        assertThat(client.isCompatible(subject, V2_REQUIRED)).isFalse();
        var refused = catchThrowableOfType(SchemaRegistryException.class, () -> client.register(subject, V2_REQUIRED));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused).hasMessageContaining("customer");
        assertThat(client.register(subject, V2_OPTIONAL)).isPositive();
        assertThat(client.versions(subject)).containsExactly(1, 2);
    }

    @Test
    @DisplayName("a subject's level can be changed: NONE lets anything through, FORWARD checks the other way")
    void levels(KafkaLab kafka, LabSchemaRegistry registry) {
        var client = new SchemaRegistryClient(registry.url());
        var subject = kafka.uniqueName("orders-value");
        client.register(subject, V2_OPTIONAL);

        client.setCompatibility(subject, CompatibilityLevel.FORWARD);
        // Dropping a field that has a default is forward compatible: old readers fill it from the default.
        assertThat(client.isCompatible(subject, V1)).as("FORWARD: drop a field with a default").isTrue();
        client.setCompatibility(subject, CompatibilityLevel.NONE);
        assertThat(client.isCompatible(subject, V2_REQUIRED)).as("NONE").isTrue();
    }

    @Test
    @DisplayName("answers bad requests with Confluent's status and error codes")
    void errors(KafkaLab kafka, LabSchemaRegistry registry) {
        var client = new SchemaRegistryClient(registry.url());

        assertThat(catchThrowableOfType(SchemaRegistryException.class, () -> client.latest(kafka.uniqueName("nobody"))).errorCode())
                .as("unknown subject").isEqualTo(40401);
        assertThat(catchThrowableOfType(SchemaRegistryException.class, () -> client.schemaById(999_999)).errorCode())
                .as("unknown id").isEqualTo(40403);
        assertThat(catchThrowableOfType(SchemaRegistryException.class, () -> client.register(kafka.uniqueName("bad"), "{\"type\": \"recrod\"}")).errorCode())
                .as("a schema that does not parse").isEqualTo(42201);
        assertThatThrownBy(() -> new SchemaRegistryClient("http://localhost:1").latest("x"))
                .hasMessageContaining("No schema registry answers at http://localhost:1");
    }

    @Test
    @DisplayName("JSON schemas are stored and served; their compatibility is not checked, and it says so")
    void jsonSchemas(KafkaLab kafka, LabSchemaRegistry registry) {
        var client = new SchemaRegistryClient(registry.url());
        var subject = kafka.uniqueName("payments-value");

        var id = client.register(subject, "{\"type\": \"object\"}", "JSON");

        assertThat(client.latest(subject).schemaType()).isEqualTo("JSON");
        assertThat(client.schemaById(id)).as("the schema as the registry keeps it (compact JSON)").isEqualTo("{\"type\":\"object\"}");
        assertThatThrownBy(() -> client.register(subject, "{\"type\": \"object\", \"required\": [\"id\"]}", "JSON"))
                .hasMessageContaining("AVRO schemas only").hasMessageContaining("NONE");
        client.setCompatibility(subject, CompatibilityLevel.NONE);
        assertThat(client.register(subject, "{\"type\": \"object\", \"required\": [\"id\"]}", "JSON")).isGreaterThan(id);
    }

    @Test
    @DisplayName("a restarted registry reads its topic back: same subjects, versions, ids and levels")
    void survivesRestart(KafkaLab kafka) {
        var topic = kafka.uniqueName("_schemas");
        var subject = "orders-value";
        int v1;
        int v2;
        try (var first = LabSchemaRegistry.start(kafka.bootstrapServers(), topic, 0)) {
            var client = new SchemaRegistryClient(first.url());
            v1 = client.register(subject, V1);
            v2 = client.register(subject, V2_OPTIONAL);
            client.setCompatibility(subject, CompatibilityLevel.FULL);
        }

        try (var second = LabSchemaRegistry.start(kafka.bootstrapServers(), topic, 0)) {
            var client = new SchemaRegistryClient(second.url());
            assertThat(client.versions(subject)).containsExactly(1, 2);
            assertThat(client.latest(subject).id()).isEqualTo(v2);
            assertThat(client.schemaById(v1)).contains("amount");
            assertThat(client.isCompatible(subject, V2_REQUIRED)).as("FULL, kept across the restart").isFalse();
            assertThat(client.register("another-value", V2_REQUIRED)).as("the next new id").isEqualTo(v2 + 1);
        }
    }
}
