package lab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import lab.kit.results.ResultsFile;
import lab.kit.results.TestResult;
import lab.kit.results.TestResult.Status;

/**
 * The stub check: reads each week module's results on both tracks and proves every exercise test is
 * satisfiable (it passes on the solutions) and not vacuous (it fails on the untouched stubs), and that the
 * week's {@code exercises.toml} agrees with its sources ({@link ManifestCheck}). {@code ./lab verify} runs
 * both tracks first, then this.
 *
 * <pre>{@code
 * java -cp ... lab.cli.StubCheck /path/to/kafka-lab
 * }</pre>
 */
public final class StubCheck {

    private final List<String> problems = new ArrayList<>();
    private int goodTests;


    /** Checks every module under {@code root} that has two tracks; prints a table; true when all is well. */
    public boolean run(Path root, PrintStream out) {
        var modules = ExerciseCatalog.weekModules(root);
        ExerciseCatalog catalog;
        try {
            catalog = ExerciseCatalog.of(root);
        } catch (IllegalStateException e) {
            problems.add(e.getMessage());
            problems.forEach(problem -> out.println("PROBLEM: " + problem));
            out.println("stubcheck: 0 passed, " + problems.size() + " failed");
            return false;
        }
        if (modules.isEmpty()) {
            problems.add("no module with src/exercise/java under " + root);
        }
        out.printf("%-32s %9s %6s %17s %21s%n", "stub check", "exercises", "tests", "failing on stubs", "passing on solutions");
        modules.forEach(module -> checkModule(catalog, module, out));
        problems.forEach(problem -> out.println("PROBLEM: " + problem));
        out.println("stubcheck: " + goodTests + " passed, " + problems.size() + " failed");
        return problems.isEmpty();
    }

    private void checkModule(ExerciseCatalog catalog, Path module, PrintStream out) {
        var name = module.getFileName().toString();
        var onStubs = byId(ResultsFile.read(ResultsFile.of(module, "exercise")));
        var onSolutions = byId(ResultsFile.read(ResultsFile.of(module, "solution")));
        var allIds = catalog.all().stream().map(Exercise::id).collect(Collectors.toSet());
        problems.addAll(ManifestCheck.problems(module, catalog.inModule(module), allIds, List.copyOf(onSolutions.values())));
        if (onStubs.isEmpty() || onSolutions.isEmpty()) {
            problems.add(name + ": no test results for the " + (onStubs.isEmpty() ? "exercise" : "solution")
                    + " track. Run ./lab verify (it runs both tracks), or see the build output above.");
            return;
        }
        var exercises = new TreeSet<String>();
        int failingOnStubs = 0;
        int passingOnSolutions = 0;
        for (var solved : onSolutions.values()) {
            exercises.add(solved.exercise());
            var stub = onStubs.get(solved.id());
            boolean fails = stub != null && stub.status() == Status.FAILED;
            boolean passes = solved.status() == Status.PASSED;
            failingOnStubs += fails ? 1 : 0;
            passingOnSolutions += passes ? 1 : 0;
            var problemCount = problems.size();
            checkTest(name, solved, stub, fails, passes);
            goodTests += problems.size() == problemCount ? 1 : 0;
        }
        out.printf("%-32s %9d %6d %17s %21s%n", name, exercises.size(), onSolutions.size(),
                failingOnStubs + "/" + onSolutions.size(), passingOnSolutions + "/" + onSolutions.size());
    }

    private void checkTest(String module, TestResult solved, TestResult stub, boolean fails, boolean passes) {
        var test = module + " " + solved.testClass() + " \"" + solved.displayName() + "\"";
        if (!solved.isExercise()) {
            problems.add(test + " has no @Tag(\"exW.N\"): every test in a week belongs to an exercise.");
        }
        if (!passes) {
            problems.add(test + " is " + solved.status() + " on the solution track: " + solved.message());
        }
        if (stub == null) {
            problems.add(test + " did not run on the exercise track (does the stub compile?).");
        } else if (!fails) {
            problems.add(test + " is " + stub.status() + " on the untouched stubs: it must fail until the learner"
                    + " does exercise " + solved.exercise() + ".");
        }
    }

    private static Map<String, TestResult> byId(List<TestResult> results) {
        return results.stream().collect(Collectors.toMap(TestResult::id, Function.identity(), (a, b) -> b));
    }
}
