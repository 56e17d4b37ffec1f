package lab.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * One exercise, as its week's {@code exercises.toml} declares it.
 *
 * @param module the week's module folder
 * @param stubs  the learner's files, relative to the module (under {@code src/exercise/java})
 * @param tests  the test classes that specify it, by fully qualified name
 * @param hints  where its hints start, e.g. {@code HINTS.md#32}
 * @param buildsOn the ids of exercises whose work it uses
 */
public record Exercise(int week, int number, Path module, String title, List<Path> stubs, List<String> tests,
                       String hints, List<String> buildsOn) {

    static final String EXERCISE_SOURCES = "src/exercise/java";
    static final String SOLUTION_SOURCES = "src/solution/java";

    public String id() {
        return week + "." + number;
    }

    /** The anchor of its hints: "HINTS.md#32" -> "32". */
    public String anchor() {
        var hash = hints.indexOf('#');
        return hash < 0 ? "" : hints.substring(hash + 1);
    }

    /** The file its hints are in, e.g. the module's HINTS.md. */
    public Path hintsFile() {
        var hash = hints.indexOf('#');
        return module.resolve(hash < 0 ? hints : hints.substring(0, hash));
    }

    /** The reference solution of {@code stub} (relative to the module): the same path in the solution track. */
    public static Path solutionOf(Path stub) {
        var inTrack = Path.of(EXERCISE_SOURCES).relativize(stub);
        return Path.of(SOLUTION_SOURCES).resolve(inTrack);
    }

    /** The fully qualified class name a stub defines: {@code src/exercise/java/lab/week03/Sender.java} -> lab.week03.Sender. */
    public static String classNameOf(Path stub) {
        var inTrack = Path.of(EXERCISE_SOURCES).relativize(stub).toString().replace('\\', '/');
        return inTrack.replaceFirst("\\.java$", "").replace('/', '.');
    }
}
