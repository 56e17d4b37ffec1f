package lab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The exercises of the lab, found where they are defined: the {@code @Tag("exW.N")} of each week's tests.
 * Reading sources (not results) means an exercise nobody has run yet is still listed.
 */
public final class ExerciseCatalog {

    private static final Pattern TAG = Pattern.compile("@Tag\\(\"ex(\\d+)\\.(\\d+)\"\\)");
    private static final Pattern WEEK_ARGUMENT = Pattern.compile("(?:week)?0*(\\d+)");
    private static final Pattern EXERCISE_ARGUMENT = Pattern.compile("(\\d+)\\.(\\d+)");

    /** One exercise: its id ("2.3"), its week's module folder. */
    public record Exercise(int week, int number, Path module) {
        public String id() {
            return week + "." + number;
        }

        /** The anchor of its hints in HINTS.md: "2.3" -> "23". */
        public String anchor() {
            return "" + week + number;
        }
    }

    private final List<Exercise> exercises;

    private ExerciseCatalog(List<Exercise> exercises) {
        this.exercises = exercises;
    }

    /** Every exercise under the lab's root, in week and number order. */
    public static ExerciseCatalog of(Path root) {
        var found = new ArrayList<Exercise>();
        for (var module : StubCheck.trackModules(root)) {
            var numbers = new TreeSet<int[]>(Comparator.<int[]>comparingInt(n -> n[0]).thenComparingInt(n -> n[1]));
            try (Stream<Path> files = Files.walk(module.resolve("src/test/java"))) {
                files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                    var matcher = TAG.matcher(read(file));
                    while (matcher.find()) {
                        numbers.add(new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))});
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            numbers.forEach(n -> found.add(new Exercise(n[0], n[1], module)));
        }
        return new ExerciseCatalog(List.copyOf(found));
    }

    public List<Exercise> all() {
        return exercises;
    }

    /** The exercise "W.N", or an error listing what exists. */
    public Exercise exercise(String id) {
        var matcher = EXERCISE_ARGUMENT.matcher(id);
        return exercises.stream()
                .filter(e -> matcher.matches() && e.week() == Integer.parseInt(matcher.group(1))
                        && e.number() == Integer.parseInt(matcher.group(2)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("There is no exercise '" + id + "'. Exercises: "
                        + exercises.stream().map(Exercise::id).toList()));
    }

    /** The exercises of a week given as "2", "02" or "week02"; an error listing the weeks otherwise. */
    public List<Exercise> week(String argument) {
        var matcher = WEEK_ARGUMENT.matcher(argument);
        var week = matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
        var selected = exercises.stream().filter(e -> e.week() == week).toList();
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("There is no week '" + argument + "'. Weeks with exercises: "
                    + exercises.stream().map(Exercise::week).distinct().toList());
        }
        return selected;
    }

    /** Exercises for an argument that is either an exercise ("2.3") or a week ("2", "week02"). */
    public List<Exercise> select(String argument) {
        return EXERCISE_ARGUMENT.matcher(argument).matches() ? List.of(exercise(argument)) : week(argument);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
