package lab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;


/**
 * {@code ./lab reset 3.2}: puts an exercise's stub back, after copying the learner's version to
 * {@code .lab/backups/<time>/<path>}. It never overwrites work without keeping a copy.
 */
public final class Reset {

    private Reset() {
    }

    /** Restores the stubs of {@code exercise}; returns the backup folder (null when nothing had changed). */
    public static Path reset(Path root, Exercise exercise, PrintStream out) {
        Path backup = null;
        for (var file : ExerciseFiles.of(root, exercise)) {
            var stub = file.committedStub().orElseThrow(() -> new IllegalStateException(
                    "./lab reset needs the lab as a git checkout, to know the untouched stub of " + file.stub()));
            if (stub.equals(file.current())) {
                out.println("unchanged  " + file.stub());
                continue;
            }
            if (backup == null) {
                backup = root.resolve(".lab/backups").resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            }
            copy(root.resolve(file.stub()), backup.resolve(file.stub()));
            write(root.resolve(file.stub()), stub);
            out.println("reset      " + file.stub() + "   (your version: " + root.relativize(backup.resolve(file.stub())) + ")");
        }
        return backup;
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot back up " + from + "; nothing was reset", e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
