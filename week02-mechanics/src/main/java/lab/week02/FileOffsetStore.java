package lab.week02;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.common.TopicPartition;

/**
 * Offsets kept outside Kafka, in a small file: a stand-in for the table a service would use to store
 * its results and its offsets in one database transaction. Each save replaces the file atomically.
 */
public final class FileOffsetStore {

    private final Path file;

    public FileOffsetStore(Path file) {
        this.file = file;
    }

    /** The next offset to read in {@code partition}, if one was saved. */
    public Optional<Long> nextOffset(TopicPartition partition) {
        var value = load().getProperty(partition.toString());
        return Optional.ofNullable(value).map(Long::valueOf);
    }

    /** Saves {@code nextOffset} as where reading {@code partition} continues. */
    public void save(TopicPartition partition, long nextOffset) {
        var properties = load();
        properties.setProperty(partition.toString(), Long.toString(nextOffset));
        try {
            var temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(temporary)) {
                properties.store(out, "next offset per partition");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save offsets to " + file, e);
        }
    }

    private Properties load() {
        var properties = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read offsets from " + file, e);
            }
        }
        return properties;
    }
}
