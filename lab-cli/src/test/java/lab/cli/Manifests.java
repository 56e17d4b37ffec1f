package lab.cli;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/** exercises.toml text for the made-up weeks of the tool tests. */
final class Manifests {

    private Manifests() {
    }

    /**
     * A manifest of {@code ids}: exercise W.N's stub is {@code Sender.java} for 3.2 and {@code ExN.java}
     * otherwise, its test {@code lab.week0W.ATest} (3.1 and 3.2) or {@code CTest}, and each builds on the one before.
     */
    static String of(int week, String... ids) {
        var previous = new String[] {null};
        var entries = Stream.of(ids).map(id -> {
            var number = id.substring(id.indexOf('.') + 1);
            var stub = id.equals(week + ".2") ? "Sender" : "Ex" + number;
            var test = Integer.parseInt(number) < 3 ? "ATest" : "CTest";
            var buildsOn = previous[0] == null ? "" : "\"" + previous[0] + "\"";
            previous[0] = id;
            return """
                    [[exercise]]
                    id = "%s"
                    title = "Exercise %s"
                    stubs = ["src/exercise/java/lab/week0%d/%s.java"]
                    tests = ["lab.week0%d.%s"]
                    hints = "HINTS.md#%s"
                    builds-on = [%s]
                    """.formatted(id, id, week, stub, week, test, id.replace(".", ""), buildsOn);
        }).collect(Collectors.joining("\n"));
        return "week = " + week + "\ntitle = \"Week " + week + "\"\n\n" + entries;
    }
}
