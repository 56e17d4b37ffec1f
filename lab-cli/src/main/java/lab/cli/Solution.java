package lab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import lab.cli.ExerciseCatalog.Exercise;
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

    /** A plain line diff: lines only in the stub with "-", only in the solution with "+", shared with " ". */
    static String unifiedDiff(String stub, String solution, String stubName, String solutionName) {
        var a = stub.lines().toList();
        var b = solution.lines().toList();
        var lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        var lines = new ArrayList<String>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                lines.add("  " + a.get(i++));
                j++;
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                lines.add("- " + a.get(i++));
            } else {
                lines.add("+ " + b.get(j++));
            }
        }
        return "--- " + stubName + "\n+++ " + solutionName + "\n" + String.join("\n", withContext(lines));
    }

    /** Keeps changed lines and {@value #CONTEXT} lines around each; "..." where lines were left out. */
    private static List<String> withContext(List<String> lines) {
        var keep = new boolean[lines.size()];
        for (int k = 0; k < lines.size(); k++) {
            if (!lines.get(k).startsWith("  ")) {
                for (int c = Math.max(0, k - CONTEXT); c <= Math.min(lines.size() - 1, k + CONTEXT); c++) {
                    keep[c] = true;
                }
            }
        }
        var shown = new ArrayList<String>();
        for (int k = 0; k < lines.size(); k++) {
            if (keep[k]) {
                shown.add(lines.get(k));
            } else if (shown.isEmpty() || !shown.get(shown.size() - 1).equals("...")) {
                shown.add("...");
            }
        }
        return shown;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the solution " + file, e);
        }
    }

    public static void main(String[] args) {
        var root = Path.of(System.getProperty("lab.root", "."));
        try {
            var force = List.of(args).contains("--force");
            var ids = List.of(args).stream().filter(a -> !a.equals("--force")).toList();
            if (ids.size() != 1) {
                throw new IllegalArgumentException("Usage: ./lab solution <exercise> [--force], e.g. ./lab solution 1.2");
            }
            show(root, ExerciseCatalog.of(root).exercise(ids.get(0)), force, System.out);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }
}
