package lab.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The classpath of a JVM that runs a week's tests with the lab's command beside them (the warm check
 * JVM, the wrong-solution runner): the week's test classpath first, then this command's own entries,
 * leaving out the kit modules the week already has. The same kit twice (its classes folder and its jar)
 * would put two logback.xml and two junit-platform.properties on the path, and both libraries then
 * print warnings over the learner's results.
 */
final class Classpaths {

    private Classpaths() {
    }

    static String weekThenCommand(Path root, String weekClasspath, String commandClasspath) {
        var entries = new LinkedHashSet<String>(List.of(weekClasspath.strip().split(File.pathSeparator)));
        var kit = root.toAbsolutePath().normalize().resolve("labkit-");
        for (var entry : commandClasspath.split(File.pathSeparator)) {
            if (!Path.of(entry).toAbsolutePath().normalize().toString().startsWith(kit.toString())) {
                entries.add(entry);
            }
        }
        entries.remove("");
        return String.join(File.pathSeparator, entries);
    }
}
