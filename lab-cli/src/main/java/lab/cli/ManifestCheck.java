package lab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import lab.kit.results.TestResult;

/**
 * Proves a week's {@code exercises.toml} true against its sources and its test results: every tagged
 * test class is listed under its exercise, every listed stub exists with its {@code TODO W.N:} marker and
 * a solution at the same path, stub and solution compile to the same public shape, the hint anchor
 * exists, and what an exercise builds on is an exercise before it.
 */
final class ManifestCheck {

    private static final Pattern CLASS_TAG = Pattern.compile("@Tag\\(\"ex(\\d+\\.\\d+)\"\\)");
    private static final Pattern TODO = Pattern.compile("TODO (\\d+\\.\\d+):");

    private final Path module;
    private final List<Exercise> exercises;
    private final Set<String> knownIds;
    private final List<String> problems = new ArrayList<>();

    private ManifestCheck(Path module, List<Exercise> exercises, Set<String> knownIds) {
        this.module = module;
        this.exercises = exercises;
        this.knownIds = knownIds;
    }

    /**
     * The problems of {@code module}'s manifest; {@code earlierIds} are the ids of the whole lab, so a
     * week may build on an earlier week.
     */
    static List<String> problems(Path module, List<Exercise> exercises, Set<String> allIds, List<TestResult> onSolutions) {
        var check = new ManifestCheck(module, exercises, allIds);
        check.testsAreListed();
        check.resultsAreListed(onSolutions);
        exercises.forEach(check::stubsAndSolutions);
        exercises.forEach(check::hintAnchor);
        exercises.forEach(check::buildsOnEarlier);
        check.markersAreListed();
        return check.problems;
    }

    private String name() {
        return module.getFileName() + "/" + Manifest.FILE;
    }

    private Map<String, Exercise> byTestClass() {
        var map = new TreeMap<String, Exercise>();
        exercises.forEach(exercise -> exercise.tests().forEach(test -> map.put(test, exercise)));
        return map;
    }

    /** Every test class with an exercise tag is listed under that exercise, and every listed class exists with it. */
    private void testsAreListed() {
        var listed = byTestClass();
        var tagged = new TreeMap<String, String>();
        for (var source : javaFiles(module.resolve("src/test/java"))) {
            var matcher = CLASS_TAG.matcher(read(source));
            if (matcher.find()) {
                var className = module.resolve("src/test/java").relativize(source).toString().replace('\\', '/')
                        .replaceFirst("\\.java$", "").replace('/', '.');
                tagged.put(className, matcher.group(1));
            }
        }
        tagged.forEach((test, id) -> {
            var exercise = listed.get(test);
            if (exercise == null) {
                problems.add(name() + " does not list " + test + " (tagged ex" + id + ") under exercise " + id + ".");
            } else if (!exercise.id().equals(id)) {
                problems.add(name() + " lists " + test + " under " + exercise.id() + ", but it is tagged ex" + id + ".");
            }
        });
        listed.keySet().stream().filter(test -> !tagged.containsKey(test)).forEach(test -> problems.add(name()
                + " lists " + test + " under " + listed.get(test).id() + ", but src/test/java has no such class with an exercise tag."));
    }

    /** Every test that ran on the solutions belongs to a listed class of its exercise. */
    private void resultsAreListed(List<TestResult> onSolutions) {
        var listed = byTestClass();
        onSolutions.stream().filter(TestResult::isExercise).forEach(result -> {
            var topLevel = result.testClass().replaceFirst("\\$.*", "");
            var exercise = listed.get(topLevel);
            if (exercise == null || !exercise.id().equals(result.exercise())) {
                problems.add(name() + ": test \"" + result.displayName() + "\" of " + topLevel + " ran as exercise "
                        + result.exercise() + ", but the manifest does not list its class there.");
            }
        });
    }

    private void stubsAndSolutions(Exercise exercise) {
        var marker = "TODO " + exercise.id() + ":";
        for (var stub : exercise.stubs()) {
            var file = module.resolve(stub);
            if (!Files.exists(file)) {
                problems.add(name() + ": exercise " + exercise.id() + "'s stub " + stub + " does not exist.");
                continue;
            }
            if (!read(file).contains(marker)) {
                problems.add(module.getFileName() + "/" + stub + " has no '" + marker + "' marker, but the manifest lists it for "
                        + exercise.id() + ": the learner would not find where to start.");
            }
            var solution = module.resolve(Exercise.solutionOf(stub));
            if (!Files.exists(solution)) {
                problems.add(name() + ": exercise " + exercise.id() + " has no solution at " + Exercise.solutionOf(stub) + ".");
                continue;
            }
            sameShape(exercise, stub);
        }
    }

    /** Compared where both tracks were compiled (./lab verify compiles both); skipped otherwise. */
    private void sameShape(Exercise exercise, Path stub) {
        var className = Exercise.classNameOf(stub);
        var onStub = PublicShape.of(module.resolve("target/exercise/classes"), className);
        var onSolution = PublicShape.of(module.resolve("target/solution/classes"), className);
        if (onStub.isPresent() && onSolution.isPresent() && !onStub.get().equals(onSolution.get())) {
            problems.add(className + " (exercise " + exercise.id() + "): the stub and the solution differ in their public shape."
                    + " Tests are written once for both tracks; give them the same public types, fields and methods.\n"
                    + difference(onStub.get(), onSolution.get()));
        }
    }

    private static String difference(String stub, String solution) {
        var stubLines = stub.lines().collect(Collectors.toSet());
        var solutionLines = solution.lines().collect(Collectors.toSet());
        var onlyStub = stub.lines().filter(line -> !solutionLines.contains(line)).map(line -> "    stub only:     " + line.strip());
        var onlySolution = solution.lines().filter(line -> !stubLines.contains(line)).map(line -> "    solution only: " + line.strip());
        return Stream.concat(onlyStub, onlySolution).collect(Collectors.joining("\n"));
    }

    private void hintAnchor(Exercise exercise) {
        var file = exercise.hintsFile();
        var anchor = "<a id=\"" + exercise.anchor() + "\"></a>";
        if (!Files.exists(file) || !read(file).contains(anchor)) {
            problems.add(module.getFileName() + "/" + file.getFileName() + " has no " + anchor + " for exercise "
                    + exercise.id() + ", which its stub's message and the manifest's hints point to.");
        }
    }

    private void buildsOnEarlier(Exercise exercise) {
        for (var earlier : exercise.buildsOn()) {
            if (!knownIds.contains(earlier) || compare(earlier, exercise.id()) >= 0) {
                problems.add(name() + ": exercise " + exercise.id() + " builds on '" + earlier
                        + "', which is not an exercise before it.");
            }
        }
    }

    /** A "TODO W.N:" in a learner file of this week is listed as one of that exercise's stubs. */
    private void markersAreListed() {
        var sources = module.resolve(Exercise.EXERCISE_SOURCES);
        for (var file : javaFiles(sources)) {
            var stub = module.relativize(file);
            var matcher = TODO.matcher(read(file));
            while (matcher.find()) {
                var id = matcher.group(1);
                var listed = exercises.stream().anyMatch(e -> e.id().equals(id) && e.stubs().contains(stub));
                if (!listed) {
                    problems.add(module.getFileName() + "/" + stub + " has a 'TODO " + id + ":' marker, but " + name()
                            + " does not list the file among exercise " + id + "'s stubs.");
                }
            }
        }
    }

    private static int compare(String a, String b) {
        var x = a.split("\\.");
        var y = b.split("\\.");
        var week = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return week != 0 ? week : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }

    private static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
