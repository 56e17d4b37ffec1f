package lab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import lab.kit.process.BoundedProcess;

/**
 * The files of one exercise, from its manifest entry: the learner's file in {@code src/exercise/java},
 * its reference solution at the same path under {@code src/solution/java}, and the untouched stub as git
 * has it.
 */
public final class ExerciseFiles {

    private ExerciseFiles() {
    }

    /**
     * One learner file of an exercise.
     *
     * @param stub     relative to the lab root
     * @param solution relative to the lab root
     */
    public record ExerciseFile(Path root, Path stub, Path solution) {

        /** The stub as last committed, or empty if the lab is not a git checkout (or the file is new). */
        public Optional<String> committedStub() {
            return git(root, "show", "HEAD:" + stub.toString().replace('\\', '/'));
        }

        public String current() {
            try {
                return Files.readString(root.resolve(stub));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + stub, e);
            }
        }
    }

    /** The learner files of {@code exercise}, as its manifest lists them. */
    public static List<ExerciseFile> of(Path root, Exercise exercise) {
        var moduleInRoot = root.toAbsolutePath().normalize().relativize(exercise.module().toAbsolutePath().normalize());
        var files = new ArrayList<ExerciseFile>();
        for (var stub : exercise.stubs()) {
            files.add(new ExerciseFile(root, moduleInRoot.resolve(stub), moduleInRoot.resolve(Exercise.solutionOf(stub))));
        }
        return files;
    }

    static Optional<String> git(Path root, String... args) {
        var command = new ArrayList<>(List.of("git", "-C", root.toString()));
        command.addAll(List.of(args));
        try {
            return BoundedProcess.run(command, "", Duration.ofSeconds(10), false)
                    .filter(outcome -> outcome.exitCode() == 0).map(BoundedProcess.Outcome::output);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
