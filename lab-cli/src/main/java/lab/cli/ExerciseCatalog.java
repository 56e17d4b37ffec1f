package lab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The exercises of the lab: every week module's {@code exercises.toml}, in week and number order. */
public final class ExerciseCatalog {

    private static final Pattern WEEK_ARGUMENT = Pattern.compile("(?:week)?0*(\\d+)");
    private static final Pattern EXERCISE_ARGUMENT = Pattern.compile("(\\d+)\\.(\\d+)");

    private final List<Exercise> exercises;

    private ExerciseCatalog(List<Exercise> exercises) {
        this.exercises = exercises;
    }

    /** Every exercise under the lab's root. */
    public static ExerciseCatalog of(Path root) {
        var found = new ArrayList<Exercise>();
        for (var module : weekModules(root)) {
            if (!Files.exists(module.resolve(Manifest.FILE))) {
                throw new IllegalStateException(module.getFileName() + " has exercises (src/exercise/java) but no "
                        + Manifest.FILE + " listing them.");
            }
            found.addAll(Manifest.read(module));
        }
        found.sort(Comparator.comparingInt(Exercise::week).thenComparingInt(Exercise::number));
        return new ExerciseCatalog(List.copyOf(found));
    }

    /** The week modules: folders of the root with a learner track. */
    public static List<Path> weekModules(Path root) {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(dir -> Files.isDirectory(dir.resolve(Exercise.EXERCISE_SOURCES))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Exercise> all() {
        return exercises;
    }

    /** The exercises of one module. */
    public List<Exercise> inModule(Path module) {
        return exercises.stream().filter(e -> e.module().equals(module)).toList();
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
        return isExercise(argument) ? List.of(exercise(argument)) : week(argument);
    }

    public static boolean isExercise(String argument) {
        return EXERCISE_ARGUMENT.matcher(argument).matches();
    }
}
