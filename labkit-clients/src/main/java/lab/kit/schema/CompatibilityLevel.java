package lab.kit.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * The registry's compatibility levels, with Confluent's names and meanings. "Backward": consumers on the
 * new schema can read data written with the old one (so upgrade consumers first). "Forward": consumers
 * on the old schema can read data written with the new one (upgrade producers first). "Full": both.
 * The transitive levels check against every earlier version, the others only against the latest.
 */
public enum CompatibilityLevel {
    NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE;

    public static CompatibilityLevel parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Unknown compatibility level '" + name + "'; use one of "
                    + List.of(values()), e);
        }
    }

    public boolean transitive() {
        return name().endsWith("_TRANSITIVE");
    }

    /**
     * Whether {@code candidate} may follow {@code earlier} (oldest first) under this level; empty when
     * it may, otherwise the reasons Avro gives.
     */
    public List<String> problems(Schema candidate, List<Schema> earlier) {
        if (this == NONE || earlier.isEmpty()) {
            return List.of();
        }
        var against = transitive() ? earlier : List.of(earlier.get(earlier.size() - 1));
        var problems = new ArrayList<String>();
        for (var old : against) {
            if (checksBackward()) {
                problems.addAll(incompatibilities("backward", candidate, old));
            }
            if (checksForward()) {
                problems.addAll(incompatibilities("forward", old, candidate));
            }
        }
        return problems;
    }

    private boolean checksBackward() {
        return name().startsWith("BACKWARD") || name().startsWith("FULL");
    }

    private boolean checksForward() {
        return name().startsWith("FORWARD") || name().startsWith("FULL");
    }

    private static List<String> incompatibilities(String direction, Schema reader, Schema writer) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
        return result.getIncompatibilities().stream()
                .map(problem -> direction + ": " + problem.getType() + " at " + problem.getLocation() + ": " + problem.getMessage())
                .toList();
    }
}
