package lab.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import lab.kit.broker.EmbeddedCluster;
import lab.kit.broker.LabSetupException;
import lab.kit.load.LoadPlan;
import lab.kit.load.LoadReport;
import lab.kit.load.LoadRun;
import lab.kit.load.Workload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./lab load}: the lab's load tool. Open loop at a target rate (or flat out), a workload of order
 * events or sized records with keys skewed or not, latency from when each record was due, end to end through
 * a consumer, a progress line a second, and at the end a summary, a JSON report and two charts under
 * {@code target/load/}. Without {@code --bootstrap} it starts an embedded broker of its own.
 */
@Command(name = "load", description = "Load a Kafka topic and measure it: open loop at --rate records/s (or --flat-out),"
        + " order events or sized records, latency with coordinated omission corrected, end to end; a progress line a"
        + " second, then a summary, target/load/*.json and charts. --versus-perf-test compares it with"
        + " kafka-producer-perf-test.", sortOptions = false)
final class LoadCommand implements Callable<Integer> {

    private final Path root;

    @Option(names = "--bootstrap", description = "the cluster (default: an embedded broker started for this run)")
    String bootstrap;
    @Option(names = "--topic", defaultValue = "lab-load", description = "the topic, created when missing (default ${DEFAULT-VALUE})")
    String topic;
    @Option(names = "--partitions", defaultValue = "6", description = "partitions of a topic it creates (default ${DEFAULT-VALUE})")
    int partitions;
    @Option(names = "--rate", defaultValue = "5000", description = "records a second, open loop (default ${DEFAULT-VALUE})")
    double rate;
    @Option(names = "--flat-out", description = "as fast as the producer goes (no target rate)")
    boolean flatOut;
    @Option(names = "--seconds", description = "how long (default 20 s, unless --records)")
    Integer seconds;
    @Option(names = "--records", description = "how many records")
    Long records;
    @Option(names = "--workload", defaultValue = "orders", description = "orders (JSON order events) or sized (see"
            + " --record-size) (default ${DEFAULT-VALUE})")
    String workload;
    @Option(names = "--record-size", defaultValue = "100", description = "bytes per record for --workload sized: 100, or a"
            + " range 200-2000 (default ${DEFAULT-VALUE})")
    String recordSize;
    @Option(names = "--keys", description = "distinct keys (default 1000 for orders, 0 (no key) for sized)")
    Integer keys;
    @Option(names = "--skew", defaultValue = "0", description = "Zipf exponent of the keys: 0 uniform, 1.2 a few hot keys")
    double skew;
    @Option(names = "--producer-prop", description = "a producer setting, e.g. --producer-prop linger.ms=20 (repeatable)")
    Map<String, String> producerProps = new HashMap<>();
    @Option(names = "--no-end-to-end", description = "do not read the records back (no end-to-end latency)")
    boolean noEndToEnd;
    @Option(names = "--no-charts", hidden = true, description = "no charts (the benchmark's runs)")
    boolean noCharts;
    @Option(names = "--json", description = "where the JSON report goes (default target/load/load-<time>.json)")
    Path json;
    @Option(names = "--versus-perf-test", description = "benchmark: this tool against kafka-producer-perf-test, flat out,"
            + " at 100 B and 1 KiB, alternating runs on one broker; a table, target/load/versus-perf-test.json and a chart")
    boolean versusPerfTest;

    LoadCommand(Path root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        var folder = root.resolve("target/load");
        System.setProperty("lab.log.dir", folder.toString());
        EmbeddedCluster embedded = null;
        try {
            var servers = bootstrap;
            if (servers == null) {
                System.err.println("[load] starting an embedded broker (no --bootstrap); its log: " + folder.resolve("kafka-lab.log"));
                embedded = EmbeddedCluster.start(1, Map.of());
                servers = embedded.bootstrapServers();
            }
            if (versusPerfTest) {
                return new LoadVersusPerfTest(root, servers, folder, System.out).run() ? 0 : Lab.FAILED;
            }
            return runOnce(servers, folder);
        } catch (LabSetupException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return Lab.BAD_INPUT;
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private int runOnce(String servers, Path folder) {
        var plan = plan(servers);
        LoadRun.ensureTopic(servers, topic, partitions, Duration.ofSeconds(10));
        System.err.printf("[load] %s to %s at %s, %s%n", plan.workload().describe(), topic,
                plan.flatOut() ? "flat out" : String.format("%,.0f records/s", plan.recordsPerSecond()),
                plan.records() > 0 ? String.format("%,d records", plan.records()) : plan.duration().toSeconds() + " s");
        var report = LoadRun.run(plan, line -> System.err.println("[load] " + line));
        var name = "load-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        var file = report.writeJson(json != null ? json : folder.resolve(name + ".json"));
        List<Path> charts = noCharts ? List.of() : report.writeCharts(folder, name);
        System.out.println(report.summary());
        System.out.println("report:        " + file.toAbsolutePath());
        charts.forEach(chart -> System.out.println("chart:         " + chart.toAbsolutePath()));
        return report.failed() == 0 ? 0 : Lab.FAILED;
    }

    LoadPlan plan(String servers) {
        var settings = new HashMap<String, Object>(producerProps);
        var orders = switch (workload) {
            case "orders" -> true;
            case "sized" -> false;
            default -> throw new IllegalArgumentException("--workload is orders or sized, not '" + workload + "'");
        };
        var chosen = orders ? Workload.orders() : sized(recordSize);
        chosen = chosen.keys(keys != null ? keys : orders ? 1000 : 0, skew);
        var duration = records == null ? Duration.ofSeconds(seconds == null ? 20 : seconds)
                : seconds == null ? null : Duration.ofSeconds(seconds);
        return new LoadPlan(servers, topic, chosen, flatOut ? 0 : rate, records == null ? 0 : records, duration,
                !noEndToEnd, settings);
    }

    static Workload sized(String size) {
        try {
            var range = size.split("-", 2);
            return range.length == 1 ? Workload.fixedSize(Integer.parseInt(range[0].trim()))
                    : Workload.sizes(Integer.parseInt(range[0].trim()), Integer.parseInt(range[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--record-size is a number of bytes (100) or a range (200-2000), not '" + size + "'");
        }
    }

    /** The report of a run this command made in another JVM (the benchmark's side of the comparison). */
    static LoadReport read(Path json) throws java.io.IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json.toFile(), LoadReport.class);
    }
}
