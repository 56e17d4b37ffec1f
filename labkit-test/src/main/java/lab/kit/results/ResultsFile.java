package lab.kit.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The results of a module's test runs on one track, in {@code target/<track>/lab-results/results.tsv}.
 * A run of some tests (one exercise) updates their lines and keeps the others', so the file always holds
 * each test's latest outcome.
 */
public final class ResultsFile {

    public static final String NAME = "results.tsv";
    private static final String HEADER = "# id\tstatus\texercise\tclass\tdisplay name\tmessage";

    private ResultsFile() {
    }

    /** The results file of {@code module} (a module folder) on {@code track} ("exercise" or "solution"). */
    public static Path of(Path module, String track) {
        return module.resolve("target").resolve(track).resolve("lab-results").resolve(NAME);
    }

    public static List<TestResult> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(TestResult::fromLine)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read test results " + file, e);
        }
    }

    /** Writes {@code latest} over the earlier results of the same tests, keeping the rest. */
    public static void merge(Path file, Collection<TestResult> latest) {
        var byId = new LinkedHashMap<String, TestResult>();
        read(file).forEach(result -> byId.put(result.id(), result));
        latest.forEach(result -> byId.put(result.id(), result));
        var lines = new ArrayList<String>();
        lines.add(HEADER);
        byId.values().forEach(result -> lines.add(result.toLine()));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write test results " + file, e);
        }
    }
}
