package lab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import lab.kit.results.TestResult;
import lab.cli.ExerciseStatus.State;

/**
 * {@code ./lab grade [DIR]}: after the learner track has run in a learner's copy, which exercises pass,
 * as a table and as {@code target/lab-grade.json}, for instructors checking many copies by script.
 */
public final class Grade {

    private Grade() {
    }

    /** Runs the learner track of {@code copy} (its own build and kit), then grades it; 0 when it could be graded. */
    static int run(Path copy, PrintStream out) throws IOException, InterruptedException {
        if (!Files.exists(copy.resolve("pom.xml")) || !Files.exists(copy.resolve("mvnw"))) {
            throw new IllegalArgumentException(copy + " is not a copy of Kafka Lab (no pom.xml and mvnw there).");
        }
        var weeks = ExerciseCatalog.weekModules(copy).stream().map(m -> m.getFileName().toString()).collect(Collectors.joining(","));
        if (weeks.isEmpty()) {
            throw new IllegalArgumentException(copy + " has no week modules.");
        }
        out.println("Running the exercises of " + copy + " (" + weeks + ") ...");
        var maven = new Maven(copy, out);
        maven.show("test -pl " + weeks + " -am -Dmaven.test.failure.ignore=true");
        var log = copy.resolve("target/lab-grade.log");
        var exit = maven.runLogged(List.of("-q", "-B", "-ntp", "test", "-pl", weeks, "-am", "-Dmaven.test.failure.ignore=true"),
                log, line -> { });
        if (exit != 0) {
            out.println("  the build failed (see " + log + "): exercises that did not compile count as not run");
        }
        grade(copy, out);
        return 0;
    }

    /** Prints the table and writes the JSON report; returns the report's path. */
    public static Path grade(Path copy, PrintStream out) {
        var statuses = ExerciseCatalog.of(copy).all().stream().map(ExerciseStatus::of).toList();
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException(copy + " has no exercises: is it a copy of Kafka Lab?");
        }
        var done = statuses.stream().filter(s -> s.state() == State.DONE).count();
        out.printf("%-10s %-12s %s%n", "exercise", "state", "tests passing");
        statuses.forEach(s -> out.printf("%-10s %-12s %d/%d%n", s.exercise().id(), s.state().label(), passing(s), s.results().size()));
        out.println("grade: " + done + " of " + statuses.size() + " exercises pass");
        var report = copy.resolve("target/lab-grade.json");
        write(report, json(copy, statuses, done));
        out.println("report: " + report);
        return report;
    }

    private static long passing(ExerciseStatus status) {
        return status.results().stream().filter(r -> r.status() == TestResult.Status.PASSED).count();
    }

    private static String json(Path copy, List<ExerciseStatus> statuses, long done) {
        var exercises = statuses.stream()
                .map(s -> "    {\"id\": \"" + s.exercise().id() + "\", \"state\": \"" + s.state().name().toLowerCase()
                        + "\", \"testsPassing\": " + passing(s) + ", \"tests\": " + s.results().size() + "}")
                .collect(Collectors.joining(",\n"));
        return "{\n  \"copy\": \"" + escape(copy.toAbsolutePath().normalize().toString()) + "\",\n  \"exercisesPassing\": " + done
                + ",\n  \"exercises\": " + statuses.size() + ",\n  \"results\": [\n" + exercises + "\n  ]\n}\n";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
