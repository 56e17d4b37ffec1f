package lab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import lab.kit.process.BoundedProcess;

/**
 * {@code ./lab workbook <folder>}: a learner copy without solutions (and without CI), for workshops, as
 * a fresh git repository. Built from what git tracks, so nothing local leaks in; copied in Java, so it
 * works the same on Linux, macOS and Windows.
 */
final class Workbook {

    private static final Duration GIT = Duration.ofSeconds(60);

    private Workbook() {
    }

    static void write(Path root, Path destination, PrintStream out) throws IOException, InterruptedException {
        if (Files.exists(destination)) {
            throw new IllegalArgumentException(destination + " already exists; give a folder that does not exist yet.");
        }
        var tracked = git(root, "ls-files", "-z").orElseThrow(() -> new IllegalStateException(
                "./lab workbook copies what git tracks: run it in a git checkout of the lab (is git installed?)."));
        var copied = 0;
        for (var file : tracked.split("\0")) {
            if (file.isEmpty() || isLeftOut(file)) {
                continue;
            }
            var target = destination.resolve(file);
            Files.createDirectories(target.getParent());
            // COPY_ATTRIBUTES keeps mvnw and lab executable
            Files.copy(root.resolve(file), target, StandardCopyOption.COPY_ATTRIBUTES);
            copied++;
        }
        git(destination, "init", "-q").orElseThrow(() -> new IllegalStateException("git init failed in " + destination));
        git(destination, "add", "-A").orElseThrow(() -> new IllegalStateException("git add failed in " + destination));
        git(destination, "-c", "user.name=kafka-lab", "-c", "user.email=lab@localhost", "commit", "-qm", "Kafka Lab learner copy")
                .orElseThrow(() -> new IllegalStateException("git commit failed in " + destination));
        out.println("Learner copy written to " + destination + ": " + copied + " files, no solutions.");
        out.println("In it: ./lab (progress), ./lab check 1.1. It has no -Psolutions track and no ./lab verify.");
    }

    /**
     * Solutions and CI stay with the instructors; so do the Docker monitoring stack's exporter rules and
     * alert rules, which are the answers of exercises 7.3, 7.4 and 7.6.
     */
    static boolean isLeftOut(String trackedPath) {
        return trackedPath.contains("/src/solution/") || trackedPath.startsWith(".ci/")
                || trackedPath.equals("docker/monitoring/jmx/kafka.yml") || trackedPath.startsWith("docker/monitoring/prometheus/rules/");
    }

    private static java.util.Optional<String> git(Path dir, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        return BoundedProcess.run(command, "", GIT, false).filter(outcome -> outcome.exitCode() == 0)
                .map(BoundedProcess.Outcome::output);
    }
}
