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

    public static void main(String[] args) {
        try {
            grade(Path.of(args.length > 0 ? args[0] : "."), System.out);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }
}
