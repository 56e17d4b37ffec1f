package lab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.ToolProvider;

import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The resident half of {@code ./lab watch}: one JVM that keeps the brokers warm (-Dlab.warm=true) and,
 * on each save, compiles the week's given code, the learner's files and the tests with the JDK's own
 * compiler, then runs the exercise's tests with the JUnit launcher in a fresh class loader. No Maven
 * start, no broker start: a re-run takes seconds.
 *
 * <pre>{@code
 * java -cp <week test classpath> -Dlab.warm=true lab.cli.WarmRunner <root> <module> <exercise|->
 * }</pre>
 */
public final class WarmRunner {

    private static final long POLL_MS = 500;

    private final Path root;
    private final Path module;
    private final String target;
    private final Path out;

    WarmRunner(Path root, String module, String target) {
        this.root = root;
        this.module = root.resolve(module);
        this.target = target;
        this.out = this.module.resolve("target/exercise/watch");
    }

    public static void main(String[] args) throws Exception {
        var runner = new WarmRunner(Path.of(args[0]).toAbsolutePath().normalize(), args[1], args[2]);
        System.setProperty("lab.results.dir", runner.module.resolve("target/exercise/lab-results").toString());
        System.setProperty("lab.log.dir", runner.module.resolve("target/exercise").toString());
        runner.loop();
    }

    private void loop() throws Exception {
        long seen = 0;
        while (true) {
            try {
                var latest = latestChange();
                if (latest > seen) {
                    seen = latest;
                    runOnce();
                    System.out.println("\nWatching " + module.getFileName() + "/src (Ctrl-C stops) ...");
                }
            } catch (IOException | RuntimeException e) {
                // e.g. an editor replacing a file while it was read: keep watching, the next save runs again
                System.out.println("This run stopped early (" + e + "); save again to re-run, or Ctrl-C and "
                        + "start ./lab watch again if it keeps happening.");
            }
            Thread.sleep(POLL_MS);
        }
    }

    /** Compiles and runs once; false when the code does not compile. */
    boolean runOnce() throws Exception {
        var started = System.nanoTime();
        var label = target.equals("-") ? module.getFileName().toString() : "exercise " + target;
        System.out.println("Running " + label + " (warm broker) ...");
        var classes = out.resolve("classes");
        var testClasses = out.resolve("test-classes");
        var classpath = System.getProperty("java.class.path");
        if (!compile(classes, classpath, module.resolve("src/main/java"), module.resolve("src/exercise/java"))
                || !compile(testClasses, classpath + java.io.File.pathSeparator + classes, module.resolve("src/test/java"))) {
            System.out.println("Your code does not compile (see above); fix it and save again.");
            return false;
        }
        runTests(classes, testClasses);
        var catalog = ExerciseCatalog.of(root);
        var selected = target.equals("-") ? catalog.all().stream().filter(e -> e.module().equals(module)).toList() : catalog.select(target);
        Check.report(root, selected, System.out);
        System.out.printf("(re-run took %.1f s)%n", (System.nanoTime() - started) / 1e9);
        return true;
    }

    private static boolean compile(Path into, String classpath, Path... sourceRoots) throws IOException {
        var sources = new ArrayList<String>();
        for (var sourceRoot : sourceRoots) {
            if (Files.isDirectory(sourceRoot)) {
                try (Stream<Path> files = Files.walk(sourceRoot)) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(f -> sources.add(f.toString()));
                }
            }
        }
        deleteRecursively(into);
        Files.createDirectories(into);
        var arguments = new ArrayList<>(List.of("-d", into.toString(), "-cp", classpath, "--release", "17", "-nowarn"));
        arguments.addAll(sources);
        return ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new)) == 0;
    }

    private void runTests(Path classes, Path testClasses) throws Exception {
        var previous = Thread.currentThread().getContextClassLoader();
        try (var loader = new URLClassLoader(new URL[] {classes.toUri().toURL(), testClasses.toUri().toURL()}, previous)) {
            Thread.currentThread().setContextClassLoader(loader);
            var request = LauncherDiscoveryRequestBuilder.request();
            try (Stream<Path> files = Files.walk(testClasses)) {
                for (var file : files.filter(f -> f.toString().endsWith("Test.class")).toList()) {
                    var name = testClasses.relativize(file).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", "");
                    request.selectors(DiscoverySelectors.selectClass(loader.loadClass(name)));
                }
            }
            if (!target.equals("-")) {
                request.filters(TagFilter.includeTags("ex" + target));
            }
            LauncherFactory.create().execute(request.build());
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private long latestChange() throws IOException {
        try (Stream<Path> files = Files.walk(module.resolve("src"))) {
            return files.filter(f -> f.toString().endsWith(".java")).mapToLong(WarmRunner::modified).max().orElse(0);
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (var file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
