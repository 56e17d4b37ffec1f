package lab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import lab.cli.ExerciseStatus.State;

/**
 * {@code ./lab progress} (and plain {@code ./lab}): every week's exercises with their state, a bar per
 * week and overall, and the next exercise to do. It reads the results of the learner's last runs, so it
 * answers at once; {@code ./lab check} refreshes them.
 */
public final class Progress {

    private static final int BAR = 20;

    private Progress() {
    }

    public static void print(Path root, PrintStream out) {
        var statuses = ExerciseCatalog.of(root).all().stream().map(ExerciseStatus::of).toList();
        out.println("Kafka Lab: your progress (from your last runs; ./lab check <week> runs them again)");
        out.println();
        var byModule = statuses.stream().collect(Collectors.groupingBy(s -> s.exercise().module(),
                java.util.TreeMap::new, Collectors.toList()));
        byModule.forEach((module, weekStatuses) -> {
            out.printf("%-28s %s%n", module.getFileName(), bar(weekStatuses));
            out.println("  " + weekStatuses.stream()
                    .map(s -> s.exercise().id() + " " + s.state().label())
                    .collect(Collectors.joining(" | ")));
        });
        out.println();
        out.printf("%-28s %s%n", "overall", bar(statuses));
        out.println();
        statuses.stream().filter(s -> s.state() != State.DONE).findFirst().ifPresentOrElse(
                next -> printNext(root, next, out),
                () -> out.println("Every exercise passes. On to the next week's README, or the capstone."));
    }

    private static void printNext(Path root, ExerciseStatus next, PrintStream out) {
        var id = next.exercise().id();
        out.println("Next: exercise " + id + " (" + next.state().label() + ")"
                + next.todoLocation(root).map(location -> ", TODO at " + location).orElse(""));
        out.println("  ./lab check " + id + "     ./lab hint " + id);
    }

    private static String bar(List<ExerciseStatus> statuses) {
        var done = (int) statuses.stream().filter(s -> s.state() == State.DONE).count();
        var filled = statuses.isEmpty() ? 0 : done * BAR / statuses.size();
        return "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] " + done + "/" + statuses.size();
    }
}
