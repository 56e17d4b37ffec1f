package lab.kit.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command within a time bound and returns its exit code and output (stdout and stderr). The
 * output goes to a file, not a pipe: reading a pipe to its end waits for the process to exit, so a
 * process that hangs would hang the caller and the bound would never apply.
 */
public final class BoundedProcess {

    /** What a finished process left: its exit code and its output. */
    public record Outcome(int exitCode, String output) {
    }

    private BoundedProcess() {
    }

    /**
     * The outcome, or empty when the process did not finish within {@code bound} (it is then killed).
     * {@code withErrors}: whether stderr joins the output or is discarded.
     */
    public static Optional<Outcome> run(List<String> command, String input, Duration bound, boolean withErrors)
            throws IOException, InterruptedException {
        var output = Files.createTempFile("lab-process", ".out");
        try {
            var builder = new ProcessBuilder(command).redirectOutput(output.toFile());
            if (withErrors) {
                builder.redirectErrorStream(true);
            } else {
                builder.redirectError(ProcessBuilder.Redirect.DISCARD);
            }
            var process = builder.start();
            // Fed on its own thread: a process that does not read its input must not block the caller.
            var feeder = new Thread(() -> {
                try (var stdin = process.getOutputStream()) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    // the process ended (or closed its input) before reading it all
                }
            }, "lab-process-input");
            feeder.setDaemon(true);
            feeder.start();
            if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly); // e.g. what a shell started
                process.destroyForcibly();
                return Optional.empty();
            }
            return Optional.of(new Outcome(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8)));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
