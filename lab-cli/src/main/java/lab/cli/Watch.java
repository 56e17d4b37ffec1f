package lab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * {@code ./lab watch [week|exercise]}: re-runs the tests in the week's warm JVM each time a file of the
 * week changes (found by polling the files' times twice a second, which works everywhere). Ctrl-C stops
 * watching; the warm JVM stays for the next {@code ./lab check} until it is idle or {@code ./lab stop}.
 */
final class Watch {

    private static final long POLL_MS = 500;

    private Watch() {
    }

    static int start(Path root, String target, PrintStream out) throws IOException, InterruptedException {
        var selected = ExerciseCatalog.of(root).select(target);
        var module = selected.get(0).module();
        var exercise = ExerciseCatalog.isExercise(target) ? selected.get(0).id() : null;
        out.println("Watching " + module.getFileName() + " (plain Maven, once per change: ./mvnw test -pl " + module.getFileName()
                + " -am" + (exercise == null ? "" : " -Dgroups=ex" + exercise) + ")");
        long seen = 0;
        while (true) {
            var latest = latestChange(module);
            if (latest > seen) {
                seen = latest;
                var started = System.nanoTime();
                out.println("Running " + (exercise == null ? module.getFileName().toString() : "exercise " + exercise) + " (warm broker) ...");
                var address = CheckRun.warmJvm(root, module, out);
                if (address != null && CheckDaemon.request(address, exercise, out) == CheckDaemon.RAN) {
                    Check.report(root, selected, out);
                    out.printf("(re-run took %.1f s)%n", (System.nanoTime() - started) / 1e9);
                }
                out.println("\nWatching " + module.getFileName() + "/src (Ctrl-C stops) ...");
            }
            Thread.sleep(POLL_MS);
        }
    }

    private static long latestChange(Path module) throws IOException {
        try (Stream<Path> files = Files.walk(module.resolve("src"))) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.getLastModifiedTime(file).toMillis();
                } catch (IOException e) {
                    return 0; // an editor replacing the file: the next poll sees it
                }
            }).max().orElse(0);
        }
    }
}
