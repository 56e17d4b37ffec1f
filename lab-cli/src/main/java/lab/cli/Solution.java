package lab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;

import lab.cli.ExerciseStatus.State;

/**
 * {@code ./lab solution 3.2 [--force]}: how the reference solution differs from the stub, shown only
 * once the exercise passes, so it is a comparison, not a shortcut ({@code --force} shows it anyway).
 */
public final class Solution {

    private static final int CONTEXT = 3;

    private Solution() {
    }

    public static void show(Path root, Exercise exercise, boolean force, PrintStream out) {
        var state = ExerciseStatus.of(exercise).state();
        if (state != State.DONE && !force) {
            throw new IllegalStateException("Exercise " + exercise.id() + " is " + state.label() + ". The solution shows"
                    + " once it passes (./lab check " + exercise.id() + "). Try ./lab hint " + exercise.id()
                    + " first; ./lab solution " + exercise.id() + " --force shows it now.");
        }
        if (state != State.DONE) {
            out.println("(shown with --force: exercise " + exercise.id() + " does not pass yet)");
        }
        for (var file : ExerciseFiles.of(root, exercise)) {
            if (!Files.exists(root.resolve(file.solution()))) {
                throw new IllegalStateException("This copy of the lab has no reference solutions (a workshop copy?): "
                        + file.solution() + " is not here. Ask your instructor.");
            }
            var stub = file.committedStub().orElseGet(file::current);
            out.println(unifiedDiff(stub, read(root.resolve(file.solution())), "stub: " + file.stub(), "solution: " + file.solution()));
        }
    }

    /** A unified diff (java-diff-utils), {@value #CONTEXT} lines of context around each hunk. */
    static String unifiedDiff(String stub, String solution, String stubName, String solutionName) {
        var stubLines = stub.lines().toList();
        var patch = DiffUtils.diff(stubLines, solution.lines().toList());
        return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff(stubName, solutionName, stubLines, patch, CONTEXT));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the solution " + file, e);
        }
    }
}
