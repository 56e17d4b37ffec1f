package lab.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code ./lab check <week|exercise>}: runs the tests in the week's warm JVM ({@link CheckDaemon}),
 * starting one first when none runs (one Maven run to compile the week and learn its classpath), then
 * reports which exercises pass. It says what it is doing at each step, and the plain Maven command.
 */
final class CheckRun {

    private final Path root;
    private final PrintStream out;

    CheckRun(Path root, PrintStream out) {
        this.root = root;
        this.out = out;
    }

    /** True when every selected exercise passes. */
    boolean run(String target) throws IOException, InterruptedException {
        var started = System.nanoTime();
        var selected = ExerciseCatalog.of(root).select(target);
        var module = selected.get(0).module();
        var exercise = ExerciseCatalog.isExercise(target) ? selected.get(0).id() : null;
        out.println((exercise == null ? "Checking " + module.getFileName() : "Checking exercise " + exercise)
                + " on an embedded Kafka broker ...");
        out.println("  (plain Maven: ./mvnw test -pl " + module.getFileName() + " -am" + (exercise == null ? "" : " -Dgroups=ex" + exercise) + ")");
        var address = warmJvm(root, module, out);
        if (address == null) {
            return false;
        }
        var outcome = CheckDaemon.request(address, exercise, out);
        if (outcome == CheckDaemon.DID_NOT_COMPILE) {
            return false;
        }
        out.println();
        var allPass = Check.report(root, selected, out);
        out.printf("(check took %.1f s)%n", (System.nanoTime() - started) / 1e9);
        return allPass;
    }

    /**
     * The week's warm JVM: the running one when it is newer than every change to the kit and the build,
     * or a new one after one Maven run; null when that run failed (its errors are printed).
     */
    static CheckDaemon.Address warmJvm(Path root, Path module, PrintStream out) throws IOException, InterruptedException {
        var running = CheckDaemon.find(module);
        if (running.isPresent() && running.get().startedMillis() > newestBuildChange(root, module)) {
            return running.get();
        }
        if (running.isPresent()) {
            out.println("  the kit or the build changed since the warm JVM started: starting a new one");
            CheckDaemon.stop(module);
        }
        out.println("  compiling " + module.getFileName() + " and the kit with Maven (the first check of a week takes"
                + " longer; the next ones reuse a warm JVM) ...");
        var log = module.resolve("target/lab-check.log");
        var classpathFile = module.resolve("target/lab-test-classpath.txt");
        var exit = new Maven(root, out).runLogged(List.of("-B", "-ntp", "test-compile", "dependency:build-classpath",
                "-pl", module.getFileName().toString(), "-am", "-Dmdep.outputFile=" + classpathFile,
                "-Dmdep.includeScope=test"), log, line -> progress(line, out));
        if (exit != 0) {
            out.println("The build failed before the tests could run. Does your code compile? From " + root.relativize(log) + ":");
            var errors = Maven.compilerErrors(log);
            (errors.isEmpty() ? tail(log) : errors).forEach(line -> out.println("  " + line.replace(root + File.separator, "")));
            return null;
        }
        out.println("  starting the warm test JVM (it keeps the broker running between checks; ./lab stop ends it) ...");
        var classpath = Classpaths.weekThenCommand(root, Files.readString(classpathFile), System.getProperty("java.class.path"));
        return CheckDaemon.start(root, module, classpath);
    }

    /** Maven's "Building <module>" lines, as progress. */
    private static void progress(String line, PrintStream out) {
        if (line.startsWith("[INFO] Building ") && line.contains("[")) {
            out.println("    " + line.substring("[INFO] ".length()).replaceAll("\\s+\\d[\\w.-]*SNAPSHOT", "").replaceAll("\\s+", " "));
        }
    }

    /** The newest change to the poms, the kit's sources and the week's classpath file. */
    private static long newestBuildChange(Path root, Path module) throws IOException {
        var newest = 0L;
        var watched = Stream.of("pom.xml", "labkit-test/src/main", "labkit-test/pom.xml", "labkit-clients/src/main",
                "labkit-registry/src/main", "lab-cli/src/main").map(root::resolve);
        for (var path : Stream.concat(watched, Stream.of(module.resolve("pom.xml"))).toList()) {
            if (Files.exists(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    newest = Math.max(newest, files.mapToLong(CheckRun::modified).max().orElse(0));
                }
            }
        }
        return newest;
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static List<String> tail(Path log) throws IOException {
        var lines = Files.readAllLines(log);
        return lines.subList(Math.max(0, lines.size() - 20), lines.size());
    }
}
