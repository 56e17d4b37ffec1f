package lab.kit.monitoring;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import lab.kit.broker.LabSetupException;
import lab.kit.process.Folders;

/**
 * A monitoring server the kit starts as a process of its own (Prometheus, Alertmanager): found by an
 * environment variable or on the PATH, run in a folder of its own with its log, ready when its
 * {@code /-/ready} answers, and stopped with the test JVM. A server a killed test JVM left running is
 * stopped by the next start of the same kind.
 */
final class ServerProcess {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final Path dir;
    private final URI url;
    private final Thread reaper;

    private ServerProcess(String name, Process process, Path dir, URI url) {
        this.name = name;
        this.process = process;
        this.dir = dir;
        this.url = url;
        this.reaper = new Thread(process::destroyForcibly, "lab-" + name + "-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** The binary: from {@code variable}, else the first of {@code names} on the PATH or in /usr/bin. */
    static Optional<Path> binary(String variable, List<String> names) {
        var configured = System.getenv(variable);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        var path = System.getenv().getOrDefault("PATH", "");
        var dirs = Stream.concat(Stream.of(path.split(File.pathSeparator)).filter(entry -> !entry.isBlank()), Stream.of("/usr/bin")).toList();
        return names.stream().flatMap(binary -> dirs.stream().map(entry -> Path.of(entry, binary)))
                .filter(Files::isExecutable).findFirst();
    }

    /** A fresh folder under {@code <lab.log.dir>/<kind>/} for one server's configuration, data and log. */
    static Path directory(String kind) {
        var root = Path.of(System.getProperty("lab.log.dir", "target")).resolve(kind);
        var mine = "run-" + ProcessHandle.current().pid() + "-";
        var dir = root.resolve(mine + System.nanoTime() % 100_000);
        try {
            if (Files.isDirectory(root)) {
                try (var old = Files.list(root)) {
                    old.filter(path -> !path.getFileName().toString().startsWith(mine)).forEach(ServerProcess::stopAndDelete);
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }

    /** Starts {@code command} in {@code dir} and waits until {@code url}'s {@code /-/ready} answers 200. */
    static ServerProcess start(String name, List<String> command, Path dir, URI url) {
        try {
            var process = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve(name + ".log").toFile()).start();
            Files.writeString(dir.resolve("pid"), String.valueOf(process.pid()));
            var server = new ServerProcess(name, process, dir, url);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new LabSetupException(name + " could not be started (" + command.get(0) + "): " + e.getMessage(), e);
        }
    }

    URI url() {
        return url;
    }

    Path directory() {
        return dir;
    }

    String get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway
        }
        Folders.deleteRecursively(dir.resolve("data"));
    }

    private void awaitReady() throws IOException {
        var deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        var log = dir.resolve(name + ".log");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new LabSetupException(name + " exited at start (exit code " + process.exitValue() + "). Its log (" + log
                        + "):\n" + Files.readString(log) + "\nIts folder, with its configuration: " + dir);
            }
            try {
                var response = HTTP.send(HttpRequest.newBuilder(url.resolve("/-/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LabSetupException("Interrupted while " + name + " started", e);
            }
            pause();
        }
        process.destroyForcibly();
        throw new LabSetupException(name + " did not become ready within " + READY_TIMEOUT.toSeconds() + " s; its log: " + log);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void stopAndDelete(Path oldRun) {
        try {
            var pidFile = oldRun.resolve("pid");
            if (Files.exists(pidFile)) {
                ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()))
                        .filter(handle -> handle.info().command().map(command -> command.contains("prometheus")
                                || command.contains("alertmanager")).orElse(false))
                        .ifPresent(ProcessHandle::destroyForcibly);
            }
        } catch (IOException | NumberFormatException e) {
            // an unreadable pid file: nothing to stop
        }
        Folders.deleteRecursively(oldRun);
    }
}
