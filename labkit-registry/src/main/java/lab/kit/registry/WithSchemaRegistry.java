package lab.kit.registry;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import lab.kit.schema.SchemaRegistryClient;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the tests of a class the lab's schema registry, as a {@link LabSchemaRegistry} parameter, next
 * to the {@code KafkaLab} of {@code @WithKafka}. One registry per cluster is started when first asked
 * for and stopped when the test run ends; subjects live in the cluster's {@code _schemas} topic, so use
 * unique subject names ({@code kafka.uniqueName("orders-value")}).
 *
 * <pre>{@code
 * @WithKafka
 * @WithSchemaRegistry
 * class WireFormatTest {
 *     @Test
 *     void roundTrip(KafkaLab kafka, LabSchemaRegistry registry) {
 *         var client = new SchemaRegistryClient(registry.url());
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(SchemaRegistryExtension.class)
public @interface WithSchemaRegistry {
}
