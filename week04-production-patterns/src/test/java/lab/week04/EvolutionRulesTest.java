package lab.week04;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import lab.kit.registry.LabSchemaRegistry;
import lab.kit.registry.WithSchemaRegistry;
import lab.kit.schema.CompatibilityLevel;
import lab.kit.schema.SchemaRegistryClient;
import lab.week04.EvolutionRules.Level;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

@WithKafka
@WithSchemaRegistry
@Tag("ex4.8")
@DisplayName("4.8 Schema evolution rules, with Avro's compatibility API")
class EvolutionRulesTest {

    private String registryUrl;

    @BeforeEach
    void registry(LabSchemaRegistry registry) {
        registryUrl = registry.url();
    }

    /** A change from one schema to the next, and what each level says about it. */
    record Change(String name, Schema older, Schema newer, boolean backward, boolean forward) {
        boolean full() {
            return backward && forward;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Change> changes() {
        return Stream.of(
                new Change("add a field with a default", OrderSchemas.V1, OrderSchemas.V2, true, true),
                new Change("add a field without a default", OrderSchemas.V1,
                        order(field("orderId", "\"string\""), field("sku", "\"string\""), field("quantity", "\"int\""),
                                field("channel", "\"string\"")), false, true),
                new Change("delete a field that has a default", OrderSchemas.V2, OrderSchemas.V1, true, true),
                new Change("delete a field without a default", OrderSchemas.V1,
                        order(field("orderId", "\"string\""), field("quantity", "\"int\"")), true, false),
                new Change("widen int to long", OrderSchemas.V1,
                        order(field("orderId", "\"string\""), field("sku", "\"string\""), field("quantity", "\"long\"")),
                        true, false),
                new Change("rename a field, keeping the old name as an alias", OrderSchemas.V1,
                        order(field("orderId", "\"string\""), field("sku", "\"string\""),
                                "{\"name\": \"qty\", \"type\": \"int\", \"aliases\": [\"quantity\"]}"), true, false),
                new Change("rename a field without an alias", OrderSchemas.V1,
                        order(field("orderId", "\"string\""), field("sku", "\"string\""), field("qty", "\"int\"")),
                        false, false),
                new Change("change a string to an int", OrderSchemas.V1,
                        order(field("orderId", "\"string\""), field("sku", "\"int\""), field("quantity", "\"int\"")),
                        false, false));
    }

    @ParameterizedTest(name = "4.8 {0}")
    @MethodSource("changes")
    @DisplayName("what BACKWARD, FORWARD, FULL and NONE say about each kind of change")
    void rules(Change change) {
        var verdicts = List.of(EvolutionRules.allows(Level.BACKWARD, change.newer(), change.older()),
                EvolutionRules.allows(Level.FORWARD, change.newer(), change.older()),
                EvolutionRules.allows(Level.FULL, change.newer(), change.older()),
                EvolutionRules.allows(Level.NONE, change.newer(), change.older()));

        assertThat(verdicts).as("'%s' allowed under BACKWARD, FORWARD, FULL, NONE (BACKWARD: the new schema "
                + "reads old data; FORWARD: the old schema reads new data)", change)
                .containsExactly(change.backward(), change.forward(), change.full(), true);
    }

    @Test
    @DisplayName("problems() says what is wrong and where")
    void problemsNameTheField() {
        var withoutDefault = changes().filter(c -> c.name().equals("add a field without a default")).findFirst().orElseThrow();

        var problems = EvolutionRules.problems(withoutDefault.newer(), withoutDefault.older());

        assertThat(problems).as("why the new schema cannot read old orders").singleElement().asString()
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("channel");
        assertThat(EvolutionRules.problems(OrderSchemas.V2, OrderSchemas.V1)).as("problems when there are none")
                .isEmpty();
    }

    @Test
    @DisplayName("the schema registry on the broker agrees with your rules, change by change and level by level")
    void registryAgrees(KafkaLab kafka) {
        var registry = new SchemaRegistryClient(registryUrl);
        var disagreements = new ArrayList<String>();

        for (var change : changes().toList()) {
            for (var level : List.of(Level.BACKWARD, Level.FORWARD, Level.FULL)) {
                var subject = kafka.uniqueName("orders") + "-value";
                registry.register(subject, change.older().toString());
                registry.setCompatibility(subject, CompatibilityLevel.valueOf(level.name()));
                var registrySays = registry.isCompatible(subject, change.newer().toString());
                if (registrySays != EvolutionRules.allows(level, change.newer(), change.older())) {
                    disagreements.add(change + " under " + level + ": the registry says " + registrySays);
                }
            }
        }

        assertThat(disagreements).as("cases where allows() and the registry disagree").isEmpty();
    }

    private static Schema order(String... fields) {
        return new Schema.Parser().parse("{\"type\": \"record\", \"name\": \"OrderPlaced\", \"namespace\": \"shop.orders\", "
                + "\"fields\": [" + String.join(", ", fields) + "]}");
    }

    private static String field(String name, String type) {
        return "{\"name\": \"" + name + "\", \"type\": " + type + "}";
    }
}
