package lab.kit.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Folders the kit's processes leave behind: their data, deleted when they are done with it. */
public final class Folders {

    private Folders() {
    }

    /** Deletes {@code path} and everything under it; false when some of it could not be deleted (left for the next run). */
    public static boolean deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return true;
        }
        try (var walk = Files.walk(path)) {
            return walk.sorted(Comparator.reverseOrder()).map(file -> file.toFile().delete()).reduce(true, Boolean::logicalAnd);
        } catch (IOException e) {
            return false;
        }
    }
}
