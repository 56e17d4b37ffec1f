package lab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import lab.kit.load.LoadRun;
import lab.kit.process.BoundedProcess;
import lab.kit.process.KafkaCli;
import lab.kit.report.BarChart;

/**
 * {@code ./lab load --versus-perf-test}: the load tool against Kafka's own {@code kafka-producer-perf-test},
 * with the same settings (flat out, no key, fixed-size values, the producer's defaults, 6 partitions) on one
 * broker, at 100 B and 1 KiB. Each tool runs in a fresh JVM, as its script would: once to warm the broker up
 * (not counted), then five times each, in alternating order; each side's median counts, and the lab's tool
 * passes at 0.95 of Kafka's throughput or more.
 */
final class LoadVersusPerfTest {

    static final double REQUIRED_RATIO = 0.95;
    private static final int ROUNDS = 5;
    private static final Map<Integer, Long> RECORDS = Map.of(100, 1_000_000L, 1024, 300_000L);
    private static final Pattern PERF_TOTAL = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec");

    private final Path root;
    private final String bootstrap;
    private final Path folder;
    private final PrintStream out;

    LoadVersusPerfTest(Path root, String bootstrap, Path folder, PrintStream out) {
        this.root = root;
        this.bootstrap = bootstrap;
        this.folder = folder;
        this.out = out;
    }

    /** One record size: each round's records a second, per tool, and the medians' ratio. */
    record Comparison(int recordBytes, long records, List<Double> perfTest, List<Double> labLoad, double ratio) {
        double perfTestMedian() {
            return median(perfTest);
        }

        double labLoadMedian() {
            return median(labLoad);
        }
    }

    boolean run() throws IOException, InterruptedException {
        var comparisons = new ArrayList<Comparison>();
        for (var size : List.of(100, 1024)) {
            comparisons.add(compare(size, RECORDS.get(size)));
        }
        out.println();
        out.println("| record size | kafka-producer-perf-test | ./lab load | ratio |");
        out.println("|---|---|---|---|");
        var chart = new BarChart("Flat-out throughput, one broker (median of " + ROUNDS + " runs each)", "records/s");
        for (var comparison : comparisons) {
            out.printf("| %d B | %,.0f records/s | %,.0f records/s | %.3f |%n", comparison.recordBytes(),
                    comparison.perfTestMedian(), comparison.labLoadMedian(), comparison.ratio());
            chart.bar("perf-test " + comparison.recordBytes() + " B", comparison.perfTestMedian());
            chart.bar("./lab load " + comparison.recordBytes() + " B", comparison.labLoadMedian());
        }
        var report = folder.resolve("versus-perf-test.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(report.toFile(), comparisons);
        chart.write("versus-perf-test");
        out.println("report: " + report.toAbsolutePath());
        var passed = comparisons.stream().allMatch(comparison -> comparison.ratio() >= REQUIRED_RATIO);
        out.println(passed ? "OK: the lab's tool keeps up with Kafka's (ratio " + REQUIRED_RATIO + " or more at every size)"
                : "BELOW " + REQUIRED_RATIO + " at some size: the load tool's own overhead shows");
        return passed;
    }

    private Comparison compare(int size, long records) throws IOException, InterruptedException {
        var perf = new ArrayList<Double>();
        var lab = new ArrayList<Double>();
        // A warm-up of each, not counted: the broker's JIT and page cache would favour whichever runs later.
        perfTest(size, records / 4, 0);
        labLoad(size, records / 4, 0);
        for (int round = 1; round <= ROUNDS; round++) {
            if (round % 2 == 1) { // the order alternates, so neither tool always runs on the warmer broker
                perf.add(perfTest(size, records, round));
                lab.add(labLoad(size, records, round));
            } else {
                lab.add(labLoad(size, records, round));
                perf.add(perfTest(size, records, round));
            }
            out.printf("[load] %d B, round %d of %d: kafka-producer-perf-test %,.0f records/s, ./lab load %,.0f records/s%n",
                    size, round, ROUNDS, perf.get(perf.size() - 1), lab.get(lab.size() - 1));
        }
        return new Comparison(size, records, perf, lab, median(lab) / median(perf));
    }

    private double perfTest(int size, long records, int round) {
        var topic = topic("perf", size, round);
        var result = KafkaCli.run(KafkaCli.Tool.PRODUCER_PERF_TEST, "--topic", topic, "--num-records", String.valueOf(records),
                "--record-size", String.valueOf(size), "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrap);
        Double total = null;
        for (var matcher = PERF_TOTAL.matcher(result.output()); matcher.find(); ) {
            total = Double.parseDouble(matcher.group(2)); // the last one is the total, the others are progress
        }
        if (result.exitCode() != 0 || total == null) {
            throw new IllegalStateException("kafka-producer-perf-test failed (exit " + result.exitCode() + "):\n" + result.output());
        }
        return total;
    }

    private double labLoad(int size, long records, int round) throws IOException, InterruptedException {
        var topic = topic("lab", size, round);
        var json = folder.resolve("versus-" + size + "-" + round + ".json");
        var command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "-Dlab.root=" + root, Lab.class.getName(), "load",
                "--bootstrap", bootstrap, "--topic", topic, "--workload", "sized", "--record-size", String.valueOf(size),
                "--flat-out", "--records", String.valueOf(records), "--no-end-to-end", "--no-charts", "--json", json.toString());
        var outcome = BoundedProcess.run(command, "", Duration.ofMinutes(2), true)
                .orElseThrow(() -> new IllegalStateException("./lab load did not finish within 2 minutes (killed)"));
        if (outcome.exitCode() != 0 || !Files.exists(json)) {
            throw new IllegalStateException("./lab load failed (exit " + outcome.exitCode() + "):\n" + outcome.output());
        }
        return LoadCommand.read(json).recordsPerSecond();
    }

    /** A fresh topic per run, so no run appends to another's log; the same partitions for both tools. */
    private String topic(String tool, int size, int round) {
        var topic = "versus-" + tool + "-" + size + "-" + round + "-" + System.currentTimeMillis();
        LoadRun.ensureTopic(bootstrap, topic, 6, Duration.ofSeconds(10));
        return topic;
    }

    private static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
