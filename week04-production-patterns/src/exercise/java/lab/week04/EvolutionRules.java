package lab.week04;

import java.util.List;

import org.apache.avro.Schema;

/**
 * Exercise 4.8: schema evolution rules, checked with Avro's own compatibility API (the one a schema
 * registry uses). Everything comes down to one question, asked in one or both directions: can a reader
 * with schema R decode data written with schema W? Avro answers it by schema resolution: fields matched
 * by name (or alias), missing ones filled from the reader's defaults, extra ones skipped, and some type
 * promotions (int to long, float to double, string to bytes) allowed.
 */
public final class EvolutionRules {

    /** The levels a schema registry enforces between a new schema and the one before it. */
    public enum Level { BACKWARD, FORWARD, FULL, NONE }

    private EvolutionRules() {
    }

    /** Whether a reader using {@code reader} can decode every record written with {@code writer}. */
    public static boolean canRead(Schema reader, Schema writer) {
        // TODO 4.8: ask Avro's SchemaCompatibility, and compare the answer's type with COMPATIBLE.
        throw new UnsupportedOperationException("Exercise 4.8 not done yet: see HINTS.md#48");
    }

    /**
     * Why {@code reader} cannot read {@code writer}'s records, one line per problem as
     * {@code "<type> at <location>: <message>"}; empty when it can.
     */
    public static List<String> problems(Schema reader, Schema writer) {
        // TODO 4.8: the same check; its result lists the incompatibilities, each with type, location, message.
        throw new UnsupportedOperationException("Exercise 4.8 not done yet: see HINTS.md#48");
    }

    /** Whether {@code level} lets {@code newer} follow {@code older}. */
    public static boolean allows(Level level, Schema newer, Schema older) {
        // TODO 4.8: each level is canRead in one direction, in the other, in both, or not at all.
        throw new UnsupportedOperationException("Exercise 4.8 not done yet: see HINTS.md#48");
    }
}
