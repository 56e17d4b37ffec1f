package lab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;


/**
 * {@code ./lab hint 2.3 [level]}: one level of an exercise's hints from its week's HINTS.md, where each
 * exercise starts at {@code <a id="23"></a>} and each level is a {@code <details>} block.
 */
public final class Hints {

    private static final Pattern LEVEL = Pattern.compile("<details>\\s*<summary>(.*?)</summary>(.*?)</details>", Pattern.DOTALL);

    private Hints() {
    }

    /** The hint levels of {@code exercise}, each as "title" + text. */
    public static List<String> levels(Exercise exercise) {
        var section = section(exercise);
        var levels = new ArrayList<String>();
        var matcher = LEVEL.matcher(section);
        while (matcher.find()) {
            levels.add(matcher.group(1).trim() + "\n\n" + matcher.group(2).strip());
        }
        return levels;
    }

    /** The whole section of {@code exercise} in its HINTS.md: from its anchor to the next one. */
    public static String section(Exercise exercise) {
        var text = read(exercise.hintsFile());
        var start = text.indexOf("<a id=\"" + exercise.anchor() + "\"></a>");
        if (start < 0) {
            throw new IllegalStateException(exercise.module().getFileName() + "/" + exercise.hintsFile().getFileName() + " has no hints for " + exercise.id()
                    + " (no <a id=\"" + exercise.anchor() + "\"></a>).");
        }
        var end = text.indexOf("<a id=", start + 1);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    /** Level {@code level} (1-based) of the hints, with a line saying how to get the next one. */
    public static String show(Exercise exercise, int level) {
        var levels = levels(exercise);
        if (level < 1 || level > levels.size()) {
            throw new IllegalArgumentException("Exercise " + exercise.id() + " has hint levels 1 to " + levels.size() + ", not " + level + ".");
        }
        var next = level < levels.size()
                ? "More: ./lab hint " + exercise.id() + " " + (level + 1)
                : "That was the last level. Still stuck? The reference solution, as a diff from the stub: ./lab solution "
                        + exercise.id() + " --force";
        return "Hint " + level + "/" + levels.size() + " for exercise " + exercise.id() + ": " + levels.get(level - 1) + "\n\n" + next;
    }


    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
