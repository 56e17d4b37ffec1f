package lab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import lab.kit.results.ResultsFile;
import lab.kit.results.TestResult;

/** An exercise's state on the learner track, from the results of the learner's last runs. */
public record ExerciseStatus(Exercise exercise, State state, List<TestResult> results) {

    public enum State {
        DONE("done"), FAILING("failing"), NOT_STARTED("not started"), NOT_RUN("not run yet");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static ExerciseStatus of(Exercise exercise) {
        var results = ResultsFile.read(ResultsFile.of(exercise.module(), "exercise")).stream()
                .filter(result -> result.exercise().equals(exercise.id()))
                .toList();
        return new ExerciseStatus(exercise, stateOf(results), results);
    }

    private static State stateOf(List<TestResult> results) {
        if (results.isEmpty()) {
            return State.NOT_RUN;
        }
        if (results.stream().allMatch(r -> r.status() == TestResult.Status.PASSED)) {
            return State.DONE;
        }
        if (results.stream().allMatch(r -> r.message().contains("not done yet"))) {
            return State.NOT_STARTED;
        }
        return State.FAILING;
    }

    /** The first test that did not pass, if any. */
    public Optional<TestResult> firstFailure() {
        return results.stream().filter(r -> r.status() != TestResult.Status.PASSED).findFirst();
    }

    /** Where the exercise's TODO is, as "path:line" relative to the lab root, if its stub still has it. */
    public Optional<String> todoLocation(Path root) {
        var marker = "TODO " + exercise.id() + ":";
        for (var stub : exercise.stubs()) {
            var file = exercise.module().resolve(stub);
            if (!Files.exists(file)) {
                continue;
            }
            try {
                var lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).contains(marker)) {
                        return Optional.of(root.toAbsolutePath().relativize(file.toAbsolutePath()) + ":" + (i + 1));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Optional.empty();
    }
}
