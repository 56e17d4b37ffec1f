package lab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import lab.cli.ExerciseCatalog.Exercise;
import lab.kit.process.BoundedProcess;

/**
 * The files of one exercise: the learner's file in {@code src/exercise/java}, its reference solution at
 * the same path under {@code src/solution/java}, and the untouched stub as git has it. An exercise's
 * files are the stubs whose committed text has its {@code TODO W.N:} marker.
 */
public final class ExerciseFiles {

    private ExerciseFiles() {
    }

    /** One learner file of an exercise, as a path relative to the lab root. */
    public record ExerciseFile(Path root, Path stub) {
        public Path solution() {
            var module = stub.getName(0);
            var inTrack = stub.subpath(4, stub.getNameCount());   // after <module>/src/exercise/java
            return module.resolve("src/solution/java").resolve(inTrack);
        }

        /** The stub as last committed, or empty if the lab is not a git checkout (or the file is new). */
        public Optional<String> committedStub() {
            return git(root, "show", "HEAD:" + stub.toString().replace('\\', '/'));
        }

        public String current() {
            try {
                return Files.readString(root.resolve(stub));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The learner files of {@code exercise}; an error if none has its TODO marker. */
    public static List<ExerciseFile> of(Path root, Exercise exercise) {
        var marker = "TODO " + exercise.id() + ":";
        var files = new ArrayList<ExerciseFile>();
        try (Stream<Path> stubs = Files.walk(exercise.module().resolve("src/exercise/java"))) {
            for (var stub : stubs.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                var file = new ExerciseFile(root, root.toAbsolutePath().relativize(stub.toAbsolutePath()));
                if (file.committedStub().orElseGet(file::current).contains(marker)) {
                    files.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("No file of exercise " + exercise.id() + " has its '" + marker + "' marker.");
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
