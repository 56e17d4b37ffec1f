package lab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

/**
 * A week's {@code exercises.toml}, in the spirit of rustlings' {@code info.toml}: one {@code [[exercise]]}
 * table per exercise with its id, title, stub files, test classes, hint anchor and what it builds on.
 * Every tool reads exercises from here; the stub check proves it agrees with the sources.
 *
 * <pre>{@code
 * [[exercise]]
 * id = "1.2"
 * title = "Publishing order events"
 * stubs = ["src/exercise/java/lab/week01/OrderEventPublisher.java"]
 * tests = ["lab.week01.OrderEventPublisherTest"]
 * hints = "HINTS.md#12"
 * builds-on = []
 * }</pre>
 */
public final class Manifest {

    public static final String FILE = "exercises.toml";

    private static final Pattern ID = Pattern.compile("(\\d+)\\.(\\d+)");
    private static final TomlMapper TOML = TomlMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The file's shape, as Jackson reads it. */
    record Week(int week, String title, List<Entry> exercise) {
    }

    record Entry(String id, String title, List<String> stubs, List<String> tests, String hints,
                 @JsonProperty("builds-on") List<String> buildsOn) {
    }

    private Manifest() {
    }

    /** The exercises of {@code module}, in the manifest's order; an error naming the file and the fault otherwise. */
    public static List<Exercise> read(Path module) {
        var file = module.resolve(FILE);
        Week week;
        try {
            week = TOML.readValue(Files.readString(file), Week.class);
        } catch (IOException e) {
            throw new IllegalStateException(where(module) + " cannot be read: " + e.getMessage(), e);
        }
        if (week.exercise() == null || week.exercise().isEmpty()) {
            throw new IllegalStateException(where(module) + " lists no [[exercise]].");
        }
        var exercises = new ArrayList<Exercise>();
        for (var entry : week.exercise()) {
            exercises.add(exerciseOf(module, week.week(), entry));
        }
        return exercises;
    }

    private static Exercise exerciseOf(Path module, int week, Entry entry) {
        var matcher = ID.matcher(entry.id() == null ? "" : entry.id());
        if (!matcher.matches() || Integer.parseInt(matcher.group(1)) != week) {
            throw new IllegalStateException(where(module) + ": exercise id '" + entry.id() + "' is not W.N of week " + week + ".");
        }
        require(module, entry, "title", entry.title());
        require(module, entry, "stubs", entry.stubs());
        require(module, entry, "tests", entry.tests());
        require(module, entry, "hints", entry.hints());
        var stubs = entry.stubs().stream().map(Path::of).toList();
        for (var stub : stubs) {
            if (!stub.startsWith(Exercise.EXERCISE_SOURCES) || !stub.toString().endsWith(".java")) {
                throw new IllegalStateException(where(module) + ": exercise " + entry.id() + "'s stub " + stub
                        + " is not a .java file under " + Exercise.EXERCISE_SOURCES + ".");
            }
        }
        return new Exercise(week, Integer.parseInt(matcher.group(2)), module, entry.title(), stubs, List.copyOf(entry.tests()),
                entry.hints(), entry.buildsOn() == null ? List.of() : List.copyOf(entry.buildsOn()));
    }

    private static void require(Path module, Entry entry, String field, Object value) {
        if (value == null || value instanceof List<?> list && list.isEmpty()) {
            throw new IllegalStateException(where(module) + ": exercise " + entry.id() + " has no '" + field + "'.");
        }
    }

    private static String where(Path module) {
        return module.getFileName() + "/" + FILE;
    }
}
