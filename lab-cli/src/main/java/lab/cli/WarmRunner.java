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
import java.util.stream.Stream;


import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The engine of the warm JVM behind {@code ./lab check} and {@code ./lab watch} ({@link CheckDaemon}):
 * it compiles the week's given code, the learner's files and the tests with the JDK's own compiler,
 * then runs the chosen tests with the JUnit launcher in a fresh class loader, with the week's resources
 * on its classpath. The brokers stay warm between runs ({@code -Dlab.warm=true}), so a re-run takes
 * seconds: no Maven start, no broker start.
 */
final class WarmRunner {

    private final Path module;
    private final Path out;

    WarmRunner(Path module) {
        this.module = module;
        this.out = module.resolve("target/exercise/warm");
    }

    /**
     * Compiles and runs the tests of {@code exercise} (all of the week's for null), printing what it does
     * to {@code console}; false when the code does not compile.
     */
    boolean runOnce(String exercise, PrintStream console) throws Exception {
        var started = System.nanoTime();
        var classes = out.resolve("classes");
        var testClasses = out.resolve("test-classes");
        var classpath = System.getProperty("java.class.path");
        console.println("  compiling " + module.getFileName() + " (your files, the given code and the tests) ...");
        var compilerOutput = new java.io.ByteArrayOutputStream();
        if (!compile(classes, classpath, compilerOutput, module.resolve("src/main/java"), module.resolve(Exercise.EXERCISE_SOURCES))
                || !compile(testClasses, classpath + File.pathSeparator + classes, compilerOutput, module.resolve("src/test/java"))) {
            console.print(compilerOutput.toString(java.nio.charset.StandardCharsets.UTF_8));
            console.println("Your code does not compile (see above); fix it and run again.");
            return false;
        }
        console.printf("  compiled in %.1f s%n", (System.nanoTime() - started) / 1e9);
        runTests(exercise, console, classes, testClasses);
        return true;
    }

    private static boolean compile(Path into, String classpath, java.io.OutputStream errors, Path... sourceRoots) throws IOException {
        var sources = new ArrayList<Path>();
        for (var sourceRoot : sourceRoots) {
            if (Files.isDirectory(sourceRoot)) {
                try (Stream<Path> files = Files.walk(sourceRoot)) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
                }
            }
        }
        return Javac.compile(sources, into, classpath, errors);
    }

    private void runTests(String exercise, PrintStream console, Path classes, Path testClasses) throws Exception {
        var previous = Thread.currentThread().getContextClassLoader();
        try (var loader = new URLClassLoader(classpathOf(classes, testClasses), previous)) {
            Thread.currentThread().setContextClassLoader(loader);
            var request = LauncherDiscoveryRequestBuilder.request();
            try (Stream<Path> files = Files.walk(testClasses)) {
                for (var file : files.filter(f -> f.toString().endsWith("Test.class")).toList()) {
                    var name = testClasses.relativize(file).toString().replace(File.separatorChar, '.').replaceAll("\\.class$", "");
                    request.selectors(DiscoverySelectors.selectClass(loader.loadClass(name)));
                }
            }
            if (exercise != null) {
                request.filters(TagFilter.includeTags("ex" + exercise));
            }
            LauncherFactory.create().execute(request.build(), new Progress(console));
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** The compiled classes and the week's resources (Avro schemas, SQL, JSON): what Maven's build would put there. */
    private URL[] classpathOf(Path classes, Path testClasses) throws IOException {
        var entries = new ArrayList<URL>();
        for (var entry : List.of(classes, module.resolve("src/main/resources"), testClasses, module.resolve("src/test/resources"))) {
            if (Files.isDirectory(entry)) {
                entries.add(entry.toUri().toURL());
            }
        }
        return entries.toArray(URL[]::new);
    }

    /** Says how many tests run, and each one's outcome as it ends, so a long run never looks hung. */
    private static final class Progress implements TestExecutionListener {
        private final PrintStream console;

        Progress(PrintStream console) {
            this.console = console;
        }

        private long started;

        @Override
        public void testPlanExecutionStarted(TestPlan plan) {
            started = System.nanoTime();
            console.println("  running " + plan.countTestIdentifiers(TestIdentifier::isTest) + " test(s) ...");
        }

        @Override
        public void testPlanExecutionFinished(TestPlan plan) {
            console.printf("  tests ran in %.1f s%n", (System.nanoTime() - started) / 1e9);
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (test.isTest()) {
                var mark = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? "pass" : "FAIL";
                console.println("    " + mark + "  " + test.getDisplayName());
            }
        }
    }
}
