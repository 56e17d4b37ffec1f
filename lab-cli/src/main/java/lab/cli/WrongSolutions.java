package lab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

/**
 * A week's catalog of wrong solutions ({@code wrong-solutions.toml}): the shortcuts and misconceptions a
 * learner really has, each written as a change to the reference solution and the failure message it
 * must produce. {@code ./lab wrong} applies each one and proves its exercise's tests fail with that
 * message, the way the stub check proves the stubs fail.
 *
 * <pre>{@code
 * [[wrong]]
 * id = "1.2-no-key"
 * exercise = "1.2"
 * idea = "sends without a key: the event still arrives, but one order's events scatter over partitions"
 * file = "src/solution/java/lab/week01/OrderEventPublisher.java"
 * find = '''new ProducerRecord<>(topic, event.orderId(), json)'''
 * replace = '''new ProducerRecord<>(topic, json)'''
 * fails-with = "record key: the order id keeps one order's events together"
 * }</pre>
 */
final class WrongSolutions {

    static final String FILE = "wrong-solutions.toml";

    private static final TomlMapper TOML = TomlMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** One change to a solution file: {@code find} must occur exactly once. */
    record Change(String file, String find, String replace) {
    }

    /** One wrong solution: its changes, and the text its failure must contain. */
    record Wrong(String id, String exercise, String idea, List<Change> changes, String failsWith) {
    }

    record Entry(String id, String exercise, String idea, String file, String find, String replace,
                 @JsonProperty("fails-with") String failsWith, List<Change> change) {
    }

    record Catalog(List<Entry> wrong) {
    }

    private WrongSolutions() {
    }

    /** The catalog of {@code module}; empty when it has none. */
    static List<Wrong> read(Path module) {
        var file = module.resolve(FILE);
        if (!Files.exists(file)) {
            return List.of();
        }
        Catalog catalog;
        try {
            catalog = TOML.readValue(Files.readString(file), Catalog.class);
        } catch (IOException e) {
            throw new IllegalStateException(module.getFileName() + "/" + FILE + " cannot be read: " + e.getMessage(), e);
        }
        var wrongs = new ArrayList<Wrong>();
        for (var entry : catalog.wrong() == null ? List.<Entry>of() : catalog.wrong()) {
            wrongs.add(wrongOf(module, entry));
        }
        return wrongs;
    }

    private static Wrong wrongOf(Path module, Entry entry) {
        var where = module.getFileName() + "/" + FILE + ", wrong solution '" + entry.id() + "'";
        if (entry.id() == null || entry.exercise() == null || entry.idea() == null || entry.failsWith() == null
                || entry.failsWith().isBlank()) {
            throw new IllegalStateException(where + ": id, exercise, idea and fails-with are all needed.");
        }
        var changes = new ArrayList<Change>();
        if (entry.file() != null || entry.find() != null || entry.replace() != null) {
            changes.add(new Change(entry.file(), entry.find(), entry.replace()));
        }
        if (entry.change() != null) {
            changes.addAll(entry.change());
        }
        if (changes.isEmpty()) {
            throw new IllegalStateException(where + " changes nothing: give file, find and replace (or [[wrong.change]] tables).");
        }
        for (var change : changes) {
            if (change.file() == null || change.find() == null || change.replace() == null) {
                throw new IllegalStateException(where + ": every change needs file, find and replace.");
            }
        }
        return new Wrong(entry.id(), entry.exercise(), entry.idea(), List.copyOf(changes), entry.failsWith());
    }

    /** The solution files with {@code wrong}'s changes made; an error naming the change that does not apply. */
    static List<Path> apply(Path module, Wrong wrong, Path into) throws IOException {
        var written = new ArrayList<Path>();
        for (var change : wrong.changes()) {
            var source = module.resolve(change.file());
            var relative = Path.of(Exercise.SOLUTION_SOURCES).relativize(Path.of(change.file()));
            var target = into.resolve(relative);
            var text = Files.exists(target) ? Files.readString(target) : Files.readString(source);
            var count = occurrences(text, change.find());
            if (count != 1) {
                throw new IllegalStateException(module.getFileName() + "/" + FILE + ", wrong solution '" + wrong.id() + "': the text to"
                        + " find occurs " + count + " times in " + change.file() + ", not once (did the solution change?):\n"
                        + change.find());
            }
            Files.createDirectories(target.getParent());
            Files.writeString(target, text.replace(change.find(), change.replace()));
            if (!written.contains(target)) {
                written.add(target);
            }
        }
        return written;
    }

    private static int occurrences(String text, String part) {
        if (part.isEmpty()) {
            return 0;
        }
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
