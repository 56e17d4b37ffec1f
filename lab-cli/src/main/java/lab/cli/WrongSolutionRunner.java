package lab.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;


import lab.cli.WrongSolutions.Wrong;
import lab.kit.results.ResultsRecorder;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs one week's wrong solutions, in one JVM with the week's test classpath and warm brokers: each
 * wrong solution's files are compiled over the built solution track and its exercise's tests run
 * against them. A wrong solution is caught when a test fails with the message the catalog names.
 *
 * <pre>{@code
 * java -cp <week test classpath>:<lab-cli classpath> lab.cli.WrongSolutionRunner <root> <module> [exercise|id]
 * }</pre>
 */
final class WrongSolutionRunner {

    /** A wrong solution that still runs after this long has hung the tests (they bound their waits). */
    private static final long HANG_MS = 180_000;

    enum Verdict { CAUGHT, OTHER_MESSAGE, SURVIVED, DOES_NOT_COMPILE }

    /** What one test said about a wrong solution. */
    record Outcome(String test, boolean passed, String message) {
    }

    private final Path module;
    private final PrintStream out;
    private final Path classes;
    private final Path testClasses;

    WrongSolutionRunner(Path module, PrintStream out) {
        this.module = module;
        this.out = out;
        this.classes = module.resolve("target/solution/classes");
        this.testClasses = module.resolve("target/solution/test-classes");
    }

    public static void main(String[] args) throws Exception {
        var root = Path.of(args[0]).toAbsolutePath().normalize();
        var module = root.resolve(args[1]);
        System.clearProperty("lab.results.dir"); // these runs are not the week's results
        System.setProperty("lab.log.dir", module.resolve("target/wrong-solutions").toString());
        System.setProperty("lab.warm", "true");
        var filter = args.length > 2 ? args[2] : null;
        try {
            var ok = new WrongSolutionRunner(module, System.out).runAll(ExerciseCatalog.of(root), filter);
            System.exit(ok ? 0 : 1);
        } catch (Exception | Error e) {
            // The shared broker's threads would keep this JVM alive after a failure: exit with it.
            e.printStackTrace();
            System.exit(2);
        }
    }

    /** Runs every wrong solution of the week (or those of one exercise, or one id); true when all are caught. */
    boolean runAll(ExerciseCatalog catalog, String filter) throws Exception {
        if (!Files.isDirectory(classes) || !Files.isDirectory(testClasses)) {
            throw new IllegalStateException(module.getFileName() + "'s solution track is not built: run"
                    + " ./mvnw test-compile -Psolutions -pl " + module.getFileName() + " -am first.");
        }
        var counts = new int[Verdict.values().length];
        var wrongs = CatalogShare.parse(System.getProperty(CatalogShare.PROPERTY)).of(WrongSolutions.read(module).stream()
                .filter(w -> filter == null || w.exercise().equals(filter) || w.id().equals(filter)).toList());
        for (var wrong : wrongs) {
            var started = System.nanoTime();
            var exercise = catalog.exercise(wrong.exercise());
            var result = runOne(wrong, exercise);
            counts[result.verdict().ordinal()]++;
            report(wrong, result, (System.nanoTime() - started) / 1e9);
        }
        out.printf("wrong solutions of %s: %d caught, %d survived, %d with another message, %d did not compile%n",
                module.getFileName(), counts[Verdict.CAUGHT.ordinal()], counts[Verdict.SURVIVED.ordinal()],
                counts[Verdict.OTHER_MESSAGE.ordinal()], counts[Verdict.DOES_NOT_COMPILE.ordinal()]);
        return counts[Verdict.CAUGHT.ordinal()] == wrongs.size();
    }

    record Result(Verdict verdict, List<Outcome> outcomes, String compilerOutput) {
    }

    Result runOne(Wrong wrong, Exercise exercise) throws Exception {
        var scratch = Files.createTempDirectory("lab-wrong-");
        try {
            var sources = WrongSolutions.apply(module, wrong, scratch.resolve("src"));
            var compiled = scratch.resolve("classes");
            var compilerOutput = new java.io.ByteArrayOutputStream();
            if (!compile(sources, compiled, compilerOutput)) {
                return new Result(Verdict.DOES_NOT_COMPILE, List.of(), compilerOutput.toString());
            }
            var outcomes = runTests(exercise, compiled);
            var failures = outcomes.stream().filter(o -> !o.passed()).toList();
            if (failures.isEmpty()) {
                return new Result(Verdict.SURVIVED, outcomes, "");
            }
            var caught = failures.stream().anyMatch(o -> o.message().contains(wrong.failsWith()));
            return new Result(caught ? Verdict.CAUGHT : Verdict.OTHER_MESSAGE, outcomes, "");
        } finally {
            Javac.deleteRecursively(scratch);
        }
    }

    private boolean compile(List<Path> sources, Path into, java.io.OutputStream errors) throws IOException {
        return Javac.compile(sources, into, classes + File.pathSeparator + System.getProperty("java.class.path"), errors);
    }

    /** The exercise's tests with the wrong classes first on the path; bounded, since a wrong solution may hang. */
    private List<Outcome> runTests(Exercise exercise, Path wrongClasses) throws Exception {
        var outcomes = new ArrayList<Outcome>();
        var failure = new AtomicReference<Exception>();
        var previous = Thread.currentThread().getContextClassLoader();
        var urls = new URL[] {wrongClasses.toUri().toURL(), classes.toUri().toURL(), testClasses.toUri().toURL()};
        try (var loader = new URLClassLoader(urls, previous)) {
            var run = new Thread(() -> {
                Thread.currentThread().setContextClassLoader(loader);
                try {
                    var request = LauncherDiscoveryRequestBuilder.request().filters(TagFilter.includeTags("ex" + exercise.id()));
                    for (var test : exercise.tests()) {
                        request.selectors(DiscoverySelectors.selectClass(loader.loadClass(test)));
                    }
                    LauncherFactory.create().execute(request.build(), new Collector(outcomes));
                } catch (Exception e) {
                    failure.set(e);
                }
            }, "wrong-solution");
            run.setDaemon(true);
            run.start();
            run.join(HANG_MS);
            if (run.isAlive()) {
                out.println("HUNG     " + exercise.id() + ": its tests still ran after " + HANG_MS / 1000
                        + " s; a test that waits without a bound? Stopping this JVM.");
                System.exit(4);
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return outcomes;
    }

    private void report(Wrong wrong, Result result, double seconds) {
        var label = switch (result.verdict()) {
            case CAUGHT -> "caught  ";
            case SURVIVED -> "SURVIVED";
            case OTHER_MESSAGE -> "CAUGHT, ANOTHER MESSAGE";
            case DOES_NOT_COMPILE -> "DOES NOT COMPILE";
        };
        out.printf("%s %s (%.1f s): %s%n", label, wrong.id(), seconds, wrong.idea());
        switch (result.verdict()) {
            case CAUGHT -> result.outcomes().stream().filter(o -> !o.passed() && o.message().contains(wrong.failsWith()))
                    .findFirst().ifPresent(o -> out.println("           " + o.test() + ": " + lineWith(o.message(), wrong.failsWith())));
            case SURVIVED -> out.println("           every test of " + wrong.exercise() + " passed (" + result.outcomes().size()
                    + " tests): a test that fails for this mistake is missing");
            case OTHER_MESSAGE -> {
                out.println("           expected a failure with: " + wrong.failsWith());
                result.outcomes().stream().filter(o -> !o.passed())
                        .forEach(o -> out.println("           " + o.test() + ": " + o.message().replace("\n", "\n             ")));
            }
            case DOES_NOT_COMPILE -> out.println("           " + result.compilerOutput().replace("\n", "\n           "));
        }
    }

    /** The message's line that holds {@code part} (or the message, when the part spans lines). */
    private static String lineWith(String message, String part) {
        return message.lines().filter(line -> line.contains(part)).findFirst().orElse(message.replace("\n", " "));
    }

    /** Collects each test's outcome and failure message (as the results file would record it). */
    private record Collector(List<Outcome> outcomes) implements TestExecutionListener {
        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (test.isTest()) {
                var message = result.getThrowable().map(ResultsRecorder::messageOf).orElse("");
                outcomes.add(new Outcome(test.getDisplayName(), result.getStatus() == TestExecutionResult.Status.SUCCESSFUL, message));
            }
        }
    }
}
