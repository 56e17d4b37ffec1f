package lab.kit.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Records every test's outcome and exercise tag to the module's results file, for the stub check and
 * the learner's progress. Registered through {@code META-INF/services}; the build turns it on by setting
 * {@code -Dlab.results.dir} (see the parent pom), and without that property it does nothing.
 */
public class ResultsRecorder implements TestExecutionListener {

    private static final int MESSAGE_LIMIT = 2_000;

    // Test classes marked @Execution(CONCURRENT) finish on other threads.
    private final List<TestResult> results = java.util.Collections.synchronizedList(new ArrayList<>());

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (test.isTest()) {
            results.add(result(test, TestResult.Status.SKIPPED, reason));
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult outcome) {
        if (!test.isTest()) {
            return;
        }
        var status = switch (outcome.getStatus()) {
            case SUCCESSFUL -> TestResult.Status.PASSED;
            case FAILED -> TestResult.Status.FAILED;
            case ABORTED -> TestResult.Status.ABORTED;
        };
        var message = outcome.getThrowable().map(ResultsRecorder::messageOf).orElse("");
        results.add(result(test, status, message));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        var dir = System.getProperty("lab.results.dir");
        if (dir != null && !results.isEmpty()) {
            ResultsFile.merge(Path.of(dir, ResultsFile.NAME), results);
        }
    }

    private static TestResult result(TestIdentifier test, TestResult.Status status, String message) {
        var exercise = test.getTags().stream()
                .map(tag -> TestResult.exerciseOf(tag.getName()))
                .flatMap(Optional::stream)
                .findFirst()
                .orElse("");
        var testClass = test.getSource()
                .filter(MethodSource.class::isInstance)
                .map(source -> ((MethodSource) source).getClassName())
                .orElse("");
        return new TestResult(test.getUniqueId(), status, exercise, testClass, test.getDisplayName(), message);
    }

    /** The failure's message, and its root cause's when Kafka wrapped the learner's exception. */
    public static String messageOf(Throwable failure) {
        var root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        var message = failure.getClass().getSimpleName() + ": " + failure.getMessage()
                + (root == failure ? "" : "\n(cause: " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")");
        return message.length() > MESSAGE_LIMIT ? message.substring(0, MESSAGE_LIMIT) + "..." : message;
    }
}
