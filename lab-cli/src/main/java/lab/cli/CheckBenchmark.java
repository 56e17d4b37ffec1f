package lab.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code ./lab benchmark 1.1}: how long {@code ./lab check} of one exercise takes here, cold (the week's
 * warm JVM stopped first: a Maven run and a JVM start) and warm (the JVM kept). The figures exclude the
 * launcher's own JVM start (about 0.7 s here), which every ./lab command pays.
 */
final class CheckBenchmark {

    private CheckBenchmark() {
    }

    static void run(Path root, String exercise, int runs, PrintStream out) throws Exception {
        var module = ExerciseCatalog.of(root).exercise(exercise).module();
        var quiet = new PrintStream(OutputStream.nullOutputStream());
        CheckDaemon.stop(module);
        out.printf("./lab check %s on %s (%d cores):%n", exercise, module.getFileName(), Runtime.getRuntime().availableProcessors());
        out.printf("  cold: %.1f s%n", timed(root, exercise, quiet));
        var warm = new ArrayList<Double>();
        for (int i = 0; i < runs; i++) {
            warm.add(timed(root, exercise, quiet));
        }
        Collections.sort(warm);
        out.printf("  warm: min %.1f s, median %.1f s, max %.1f s over %d runs %s%n", warm.get(0), warm.get(warm.size() / 2),
                warm.get(warm.size() - 1), runs, rounded(warm));
    }

    private static double timed(Path root, String exercise, PrintStream quiet) throws Exception {
        var started = System.nanoTime();
        new CheckRun(root, quiet).run(exercise);
        return (System.nanoTime() - started) / 1e9;
    }

    private static List<String> rounded(List<Double> seconds) {
        return seconds.stream().map(s -> String.format("%.1f", s)).toList();
    }
}
