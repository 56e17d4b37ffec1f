package lab.kit.monitoring;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import lab.kit.broker.LabPorts;
import lab.kit.broker.LabSetupException;

/**
 * A real Prometheus server (the {@code prometheus} binary, Debian's package here), started for a test
 * with a configuration the test describes, and asked over its HTTP API, as Grafana and
 * {@code promtool} ask it. Its folder ({@code <lab.log.dir>/prometheus/run-*}) keeps its configuration
 * and log for reading after the run; a server left behind by a test JVM that was killed is stopped by
 * the next start.
 *
 * <pre>{@code
 * try (var prometheus = PrometheusServer.builder().scrapeInterval(Duration.ofSeconds(1))
 *         .target("kafka", exporter.target(), Map.of("broker", "0")).start()) {
 *     prometheus.awaitTargetsUp(Duration.ofSeconds(20));
 *     var samples = prometheus.query("kafka_server_replicamanager_underreplicatedpartitions");
 * }
 * }</pre>
 */
public final class PrometheusServer implements AutoCloseable {

    /** Where to find the binary when it is not on the PATH. */
    public static final String BINARY_VARIABLE = "LAB_PROMETHEUS";
    /** What to do when it is missing, for test skips and errors. */
    public static final String MISSING = "Prometheus is not installed here. On Debian or Ubuntu: sudo apt-get install"
            + " prometheus (./lab prometheus install does it); elsewhere, download it from the Prometheus project and set "
            + BINARY_VARIABLE + " to the prometheus binary.";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One series of a query's answer: its labels and its value now. */
    public record Sample(Map<String, String> labels, double value) {
    }

    private final Process process;
    private final Path dir;
    private final URI url;
    private final Thread reaper;
    private final int targets;

    private PrometheusServer(Process process, Path dir, URI url, int targets) {
        this.process = process;
        this.targets = targets;
        this.dir = dir;
        this.url = url;
        this.reaper = new Thread(process::destroyForcibly, "lab-prometheus-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** The binary, from {@value #BINARY_VARIABLE}, the PATH, or Debian's place. */
    public static Optional<Path> binary() {
        var configured = System.getenv(BINARY_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        var path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(File.pathSeparator)).filter(entry -> !entry.isBlank()), Stream.of("/usr/bin"))
                .map(entry -> Path.of(entry, "prometheus")).filter(Files::isExecutable).findFirst();
    }

    public static boolean installed() {
        return binary().isPresent();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What the server scrapes and evaluates. */
    public static final class Builder {
        private Duration scrapeInterval = Duration.ofSeconds(1);
        private final Map<String, List<String>> jobs = new LinkedHashMap<>();
        private final List<Path> ruleFiles = new ArrayList<>();
        private final List<String> alertmanagers = new ArrayList<>();

        /** How often it scrapes and evaluates rules (1 s by default: tests cannot wait Prometheus's 1 min). */
        public Builder scrapeInterval(Duration interval) {
            this.scrapeInterval = interval;
            return this;
        }

        /** A target of job {@code job}, with labels added to every series scraped from it. */
        public Builder target(String job, String address, Map<String, String> labels) {
            var labelText = labels.entrySet().stream().map(label -> label.getKey() + ": \"" + label.getValue() + "\"")
                    .collect(Collectors.joining(", ", "{", "}"));
            jobs.computeIfAbsent(job, name -> new ArrayList<>())
                    .add("      - targets: [\"" + address + "\"]\n        labels: " + labelText + "\n");
            return this;
        }

        /** A file of recording or alerting rules it evaluates. */
        public Builder ruleFile(Path file) {
            ruleFiles.add(file.toAbsolutePath());
            return this;
        }

        /** An Alertmanager ({@code host:port}) it sends firing alerts to. */
        public Builder alertmanager(String address) {
            alertmanagers.add(address);
            return this;
        }

        public PrometheusServer start() {
            return PrometheusServer.start(this);
        }

        int targetCount() {
            return jobs.values().stream().mapToInt(List::size).sum();
        }

        String configuration() {
            var seconds = Math.max(1, scrapeInterval.toSeconds()) + "s";
            var yaml = new StringBuilder("global:\n  scrape_interval: " + seconds + "\n  evaluation_interval: " + seconds + "\n");
            if (!ruleFiles.isEmpty()) {
                yaml.append("rule_files:\n");
                ruleFiles.forEach(file -> yaml.append("  - \"").append(file).append("\"\n"));
            }
            if (!alertmanagers.isEmpty()) {
                yaml.append("alerting:\n  alertmanagers:\n    - static_configs:\n        - targets: [")
                        .append(alertmanagers.stream().map(address -> "\"" + address + "\"").collect(Collectors.joining(", ")))
                        .append("]\n");
            }
            yaml.append("scrape_configs:\n");
            jobs.forEach((job, targets) -> {
                yaml.append("  - job_name: \"").append(job).append("\"\n    static_configs:\n");
                targets.forEach(yaml::append);
            });
            return yaml.toString();
        }
    }

    private static PrometheusServer start(Builder wanted) {
        var binary = binary().orElseThrow(() -> new LabSetupException(MISSING));
        var dir = runDirectory();
        var port = LabPorts.free();
        try {
            Files.writeString(dir.resolve("prometheus.yml"), wanted.configuration());
            var process = new ProcessBuilder(binary.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
                    "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
            Files.writeString(dir.resolve("pid"), String.valueOf(process.pid()));
            var server = new PrometheusServer(process, dir, URI.create("http://127.0.0.1:" + port), wanted.targetCount());
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new LabSetupException("Prometheus could not be started from " + binary + ": " + e.getMessage(), e);
        }
    }

    /** The server's address, e.g. {@code http://127.0.0.1:41234}: its web page and its API. */
    public URI url() {
        return url;
    }

    /** The folder with its prometheus.yml and prometheus.log. */
    public Path directory() {
        return dir;
    }

    /** An instant query: every series of {@code promql}'s answer, with its value now. */
    public List<Sample> query(String promql) throws IOException, InterruptedException {
        var data = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8), promql);
        var samples = new ArrayList<Sample>();
        if (!"vector".equals(data.path("resultType").asText())) {
            throw new IllegalArgumentException("'" + promql + "' answers a " + data.path("resultType").asText()
                    + ", not a vector of series");
        }
        for (var series : data.path("result")) {
            var labels = new TreeMap<String, String>();
            series.path("metric").fields().forEachRemaining(label -> labels.put(label.getKey(), label.getValue().asText()));
            samples.add(new Sample(labels, Double.parseDouble(series.path("value").get(1).asText())));
        }
        return samples;
    }

    /** The alerts it has now, pending or firing, as {@code /api/v1/alerts} lists them. */
    public JsonNode alerts() throws IOException, InterruptedException {
        return get("/api/v1/alerts", "the alerts").path("alerts");
    }

    /**
     * Waits until every configured target was scraped successfully once (a fresh server lists none at
     * first: it discovers them a moment after it is ready); fails naming those that were not, and why.
     */
    public void awaitTargetsUp(Duration timeout) throws IOException, InterruptedException {
        var deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            var down = new ArrayList<String>();
            var active = get("/api/v1/targets", "the targets").path("activeTargets");
            if (active.size() < targets) {
                down.add((targets - active.size()) + " of the " + targets + " targets not discovered yet");
            }
            for (var target : active) {
                if (!"up".equals(target.path("health").asText())) {
                    down.add(target.path("scrapeUrl").asText() + " (" + target.path("health").asText() + ": "
                            + target.path("lastError").asText() + ")");
                }
            }
            if (down.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Prometheus did not scrape every target within " + timeout.toSeconds()
                        + " s; not up: " + down);
            }
            Thread.sleep(200);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway
        }
        deleteRecursively(dir.resolve("data"));
    }

    private JsonNode get(String path, String what) throws IOException, InterruptedException {
        var response = HTTP.send(HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        var body = JSON.readTree(response.body());
        if (response.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
            throw new IllegalArgumentException("Prometheus refused " + what + ": " + body.path("errorType").asText() + ": "
                    + body.path("error").asText());
        }
        return body.path("data");
    }

    private void awaitReady() throws IOException {
        var deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new LabSetupException("Prometheus exited at start (exit code " + process.exitValue() + "). Its log ("
                        + dir.resolve("prometheus.log") + "):\n" + Files.readString(dir.resolve("prometheus.log"))
                        + "\nIts configuration: " + dir.resolve("prometheus.yml"));
            }
            try {
                var response = HTTP.send(HttpRequest.newBuilder(url.resolve("/-/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
                Thread.sleep(100);
            } catch (IOException e) {
                sleep(); // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LabSetupException("Interrupted while Prometheus started", e);
            }
        }
        process.destroyForcibly();
        throw new LabSetupException("Prometheus did not become ready within " + READY_TIMEOUT.toSeconds() + " s; its log: "
                + dir.resolve("prometheus.log"));
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A folder per server; earlier runs' folders go, and a server a killed test JVM left running is stopped. */
    private static Path runDirectory() {
        var root = Path.of(System.getProperty("lab.log.dir", "target")).resolve("prometheus");
        var dir = root.resolve("run-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100_000);
        try {
            if (Files.isDirectory(root)) {
                try (var old = Files.list(root)) {
                    old.filter(path -> !path.getFileName().toString().startsWith("run-" + ProcessHandle.current().pid() + "-"))
                            .forEach(PrometheusServer::stopAndDelete);
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }

    private static void stopAndDelete(Path oldRun) {
        try {
            var pidFile = oldRun.resolve("pid");
            if (Files.exists(pidFile)) {
                ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()))
                        .filter(handle -> handle.info().command().map(command -> command.endsWith("prometheus")).orElse(false))
                        .ifPresent(ProcessHandle::destroyForcibly);
            }
        } catch (IOException | NumberFormatException e) {
            // an unreadable pid file: nothing to stop
        }
        deleteRecursively(oldRun);
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // left for the next run to delete
        }
    }
}
