package lab.kit.junit;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import lab.kit.broker.Clusters;
import lab.kit.broker.LabCluster;
import lab.kit.broker.LabSetupException;
import lab.kit.broker.ShapeNotServed;
import lab.kit.faults.LinkedCluster;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;

/**
 * The JUnit 5 side of {@link WithKafka}: one shared cluster per shape (size, faulty link) in the root store (closed when the
 * test run ends), one {@link KafkaLab} per test (closed after it), and stopped brokers started again
 * after each test so the next one finds the cluster whole.
 */
public class KafkaExtension implements ParameterResolver, BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaLab.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        var cluster = sharedCluster(context, Shape.wanted(context));
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(KafkaLab.class,
                key -> new KafkaLab(cluster, context.getDisplayName()), KafkaLab.class);
    }

    /**
     * A test whose cluster the chosen source runs but cannot serve (3 brokers from a 1-broker source) is
     * skipped with the reason. Decided here, before its parameters are resolved: JUnit reports anything a
     * parameter resolver throws as a failure.
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        var needsKafka = context.getTestMethod().stream().flatMap(method -> java.util.Arrays.stream(method.getParameterTypes()))
                .anyMatch(type -> type == KafkaLab.class);
        if (needsKafka) {
            var attempt = attempt(context, Shape.wanted(context));
            if (attempt.failure() instanceof ShapeNotServed notServed) {
                throw new TestAbortedException(notServed.getMessage());
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        var lab = context.getStore(NAMESPACE).get(KafkaLab.class, KafkaLab.class);
        if (lab != null) {
            lab.cluster().startBrokers(lab.cluster().stoppedBrokers());
            if (lab.cluster() instanceof LinkedCluster linked) {
                linked.link().restore(); // the next test starts on a healthy link
            }
        }
    }

    /**
     * A test that asks the cluster for what its source cannot do (stop a broker of an external cluster)
     * is skipped with the reason, as one whose cluster cannot be had at all.
     */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        if (thrown instanceof ShapeNotServed notServed) {
            throw new TestAbortedException(notServed.getMessage());
        }
        throw thrown;
    }

    /** What a test class asked for in its {@link WithKafka}. */
    record Shape(int brokers, boolean faultyLink, boolean processes, int controllers, boolean secured) {

        static Shape wanted(ExtensionContext context) {
            Optional<ExtensionContext> current = Optional.of(context);
            while (current.isPresent()) {
                var annotation = current.get().getTestClass()
                        .flatMap(type -> AnnotationSupport.findAnnotation(type, WithKafka.class));
                if (annotation.isPresent()) {
                    var wanted = annotation.get();
                    return new Shape(wanted.brokers(), wanted.faultyLink(), wanted.processes(), wanted.controllers(), wanted.secured());
                }
                current = current.get().getParent();
            }
            return new Shape(1, false, false, 1, false);
        }

        LabCluster start() {
            if (faultyLink && brokers != 1) {
                throw new LabSetupException("@WithKafka(faultyLink = true) runs one broker behind the link;"
                        + " remove brokers = " + brokers + " or the faulty link.");
            }
            if (faultyLink) {
                return LinkedCluster.start();
            }
            if (secured) {
                if (brokers != 1 || processes) {
                    throw new LabSetupException("@WithKafka(secured = true) runs one embedded broker with secured listeners;"
                            + " remove brokers = " + brokers + (processes ? " and processes = true" : "") + ".");
                }
                return lab.kit.security.SecuredCluster.start();
            }
            return processes ? Clusters.crashableFromSystemProperties(brokers, controllers)
                    : Clusters.fromSystemProperties(brokers);
        }
    }

    /**
     * With {@code -Dlab.warm=true} (./lab watch's resident runner) clusters outlive a test run, so the
     * next run after a save starts in seconds; they stop with the JVM.
     */
    private static final Map<Shape, ClusterStart> WARM = new ConcurrentHashMap<>();

    /**
     * The cluster this test's {@link WithKafka} asks for, started once and shared: for extensions that
     * run a server beside the cluster (the schema registry) without a static map of their own.
     */
    public static LabCluster sharedCluster(ExtensionContext context) {
        return sharedCluster(context, Shape.wanted(context));
    }

    /**
     * A failed start is remembered too, so the remaining tests fail at once. The first test reports why,
     * with the cause; the others say so in one line, instead of repeating the whole story per test.
     */
    private static LabCluster sharedCluster(ExtensionContext context, Shape shape) {
        var attempt = attempt(context, shape);
        if (attempt.failure() != null) {
            if (attempt.reported().compareAndSet(false, true)) {
                throw new ParameterResolutionException(attempt.failure().getMessage(), attempt.failure());
            }
            var firstLine = attempt.failure().getMessage().lines().findFirst().orElse("");
            throw new ParameterResolutionException("Kafka could not be had, as the first failing test of this run"
                    + " says in full: " + firstLine);
        }
        return attempt.cluster();
    }

    private static ClusterStart attempt(ExtensionContext context, Shape shape) {
        return Boolean.getBoolean("lab.warm")
                ? WARM.computeIfAbsent(shape, ClusterStart::attempt)
                : context.getRoot().getStore(NAMESPACE)
                        .getOrComputeIfAbsent(shape, key -> ClusterStart.attempt(shape), ClusterStart.class);
    }

    /** The outcome of starting a cluster; closing it (at the end of the run) stops the cluster. */
    record ClusterStart(LabCluster cluster, LabSetupException failure, AtomicBoolean reported) implements AutoCloseable {

        static ClusterStart attempt(Shape shape) {
            try {
                return new ClusterStart(shape.start(), null, new AtomicBoolean());
            } catch (LabSetupException e) {
                return new ClusterStart(null, e, new AtomicBoolean());
            }
        }

        @Override
        public void close() {
            if (cluster != null) {
                cluster.close();
            }
        }
    }
}
