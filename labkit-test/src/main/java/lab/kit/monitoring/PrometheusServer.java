package lab.kit.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

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
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One series of a query's answer: its labels and its value now. */
    public record Sample(Map<String, String> labels, double value) {
    }

    private final ServerProcess server;
    private final int targets;

    private PrometheusServer(ServerProcess server, int targets) {
        this.server = server;
        this.targets = targets;
    }

    /** The binary, from {@value #BINARY_VARIABLE}, the PATH, or Debian's place. */
    public static Optional<Path> binary() {
        return ServerProcess.binary(BINARY_VARIABLE, List.of("prometheus"));
    }

    /** Prometheus's {@code promtool} (rule checks and rule unit tests), installed with it; or {@code LAB_PROMTOOL}. */
    public static Optional<Path> promtool() {
        return ServerProcess.binary("LAB_PROMTOOL", List.of("promtool"));
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
        var dir = ServerProcess.directory("prometheus");
        var port = LabPorts.free();
        try {
            Files.writeString(dir.resolve("prometheus.yml"), wanted.configuration());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PrometheusServer(ServerProcess.start("prometheus", List.of(binary.toString(),
                "--config.file=" + dir.resolve("prometheus.yml"), "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--log.level=warn"), dir, URI.create("http://127.0.0.1:" + port)),
                wanted.targetCount());
    }

    /** The server's address, e.g. {@code http://127.0.0.1:41234}: its web page and its API. */
    public URI url() {
        return server.url();
    }

    /** The folder with its prometheus.yml and prometheus.log. */
    public Path directory() {
        return server.directory();
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

    /** One series of a range query: its labels, and its values at the query's steps. */
    public record Range(Map<String, String> labels, List<Double> epochSeconds, List<Double> values) {
    }

    /** A range query from {@code start} to {@code end}, a value every {@code step}: what a graph draws. */
    public List<Range> queryRange(String promql, java.time.Instant start, java.time.Instant end, Duration step)
            throws IOException, InterruptedException {
        var data = get("/api/v1/query_range?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8) + "&start="
                + start.getEpochSecond() + "&end=" + end.getEpochSecond() + "&step=" + Math.max(1, step.toSeconds()), promql);
        var ranges = new ArrayList<Range>();
        for (var series : data.path("result")) {
            var labels = new TreeMap<String, String>();
            series.path("metric").fields().forEachRemaining(label -> labels.put(label.getKey(), label.getValue().asText()));
            var times = new ArrayList<Double>();
            var values = new ArrayList<Double>();
            for (var point : series.path("values")) {
                times.add(point.get(0).asDouble());
                values.add(Double.parseDouble(point.get(1).asText()));
            }
            ranges.add(new Range(labels, times, values));
        }
        return ranges;
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
        server.stop();
    }

    private JsonNode get(String path, String what) throws IOException, InterruptedException {
        var body = JSON.readTree(server.get(path));
        if (!"success".equals(body.path("status").asText())) {
            throw new IllegalArgumentException("Prometheus refused " + what + ": " + body.path("errorType").asText() + ": "
                    + body.path("error").asText());
        }
        return body.path("data");
    }
}
