package lab.kit.registry;

import lab.kit.junit.KafkaExtension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 side of {@link WithSchemaRegistry}: one {@link LabSchemaRegistry} per shared cluster, kept
 * in the root store (so it is stopped when the run ends) and started on the cluster the test's
 * {@code @WithKafka} asked for.
 */
public class SchemaRegistryExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SchemaRegistryExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LabSchemaRegistry.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        var cluster = KafkaExtension.sharedCluster(context);
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(cluster,
                started -> LabSchemaRegistry.start(cluster.bootstrapServers()), LabSchemaRegistry.class);
    }
}
