package lab.kit.results;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One test's outcome, as the lab records it: enough for the stub check and for a learner's progress.
 *
 * @param exercise the exercise id from the test's {@code @Tag("exW.N")}, e.g. "1.2", or "" if untagged
 */
public record TestResult(String id, Status status, String exercise, String testClass, String displayName,
                         String message) {

    public enum Status { PASSED, FAILED, ABORTED, SKIPPED }

    private static final Pattern EXERCISE_TAG = Pattern.compile("ex(\\d+\\.\\d+)");

    /** The exercise id of a tag like "ex1.2", if it is one. */
    public static Optional<String> exerciseOf(String tag) {
        var matcher = EXERCISE_TAG.matcher(tag);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    public boolean isExercise() {
        return !exercise.isEmpty();
    }

    /** One tab-separated line; tabs and line breaks inside fields are escaped. */
    String toLine() {
        return String.join("\t", escape(id), status.name(), escape(exercise), escape(testClass),
                escape(displayName), escape(message));
    }

    static TestResult fromLine(String line) {
        var fields = line.split("\t", -1);
        if (fields.length != 6) {
            throw new IllegalArgumentException("Not a result line (expected 6 tab-separated fields): " + line);
        }
        return new TestResult(unescape(fields[0]), Status.valueOf(fields[1]), unescape(fields[2]),
                unescape(fields[3]), unescape(fields[4]), unescape(fields[5]));
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "");
    }

    private static String unescape(String text) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
