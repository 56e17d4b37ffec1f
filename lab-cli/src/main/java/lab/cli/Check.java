package lab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import lab.cli.ExerciseStatus.State;

/**
 * What {@code ./lab check} and {@code ./lab watch} print after a run: which exercises pass and, for one
 * that fails, its teaching message and where its TODO is; and which exercise is next.
 */
public final class Check {

    private static final int MESSAGE_LINES = 6;

    private Check() {
    }

    /** The first exercise that does not pass yet, or the last one when all pass. */
    public static String next(Path root) {
        var all = ExerciseCatalog.of(root).all();
        return all.stream().map(ExerciseStatus::of).filter(s -> s.state() != State.DONE).findFirst()
                .map(s -> s.exercise().id())
                .orElse(all.get(all.size() - 1).id());
    }

    /** Prints the report; true when every selected exercise passes. */
    public static boolean report(Path root, List<Exercise> selected, PrintStream out) {
        var allPass = true;
        for (var exercise : selected) {
            var status = ExerciseStatus.of(exercise);
            allPass &= status.state() == State.DONE;
            out.println(line(status));
            if (status.state() != State.DONE) {
                status.firstFailure().ifPresent(failure -> out.println(indent(failure.displayName() + "\n" + firstLines(failure.message()))));
                status.todoLocation(root).ifPresent(location -> out.println("    TODO at " + location));
                if (status.state() != State.NOT_RUN) {
                    out.println("    stuck? ./lab hint " + exercise.id());
                }
            }
        }
        return allPass;
    }

    private static String line(ExerciseStatus status) {
        var tests = status.results().size();
        var passed = status.results().stream().filter(r -> r.status() == lab.kit.results.TestResult.Status.PASSED).count();
        var mark = status.state() == State.DONE ? "PASS" : "FAIL";
        return mark + "  " + status.exercise().id() + "  " + status.state().label() + " (" + passed + "/" + tests + " tests pass)";
    }

    private static String firstLines(String message) {
        var lines = message.lines().limit(MESSAGE_LINES).toList();
        return String.join("\n", lines);
    }

    private static String indent(String text) {
        return text.lines().map(line -> "    " + line).reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
