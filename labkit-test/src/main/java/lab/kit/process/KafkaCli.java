package lab.kit.process;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Kafka's own command-line tools (the {@code bin/kafka-*.sh} scripts of a Kafka download), run from the
 * kafka-tools jars the lab already has, so no Kafka download is needed.
 *
 * <pre>{@code
 * ./lab tool kafka-topics --bootstrap-server localhost:9092 --list
 * var result = KafkaCli.run(Tool.TOPICS, "--bootstrap-server", bootstrap, "--list");   // from a test
 * }</pre>
 */
public final class KafkaCli {

    private static final long TIMEOUT_SECONDS = 60;

    /** The tools, by the name of the script in Kafka's bin/ folder. */
    public enum Tool {
        TOPICS("kafka-topics", "org.apache.kafka.tools.TopicCommand"),
        CONSOLE_PRODUCER("kafka-console-producer", "org.apache.kafka.tools.ConsoleProducer"),
        CONSOLE_CONSUMER("kafka-console-consumer", "org.apache.kafka.tools.consumer.ConsoleConsumer"),
        CONSUMER_GROUPS("kafka-consumer-groups", "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand"),
        CONFIGS("kafka-configs", "org.apache.kafka.tools.ConfigCommand"),
        GET_OFFSETS("kafka-get-offsets", "org.apache.kafka.tools.GetOffsetShell"),
        METADATA_QUORUM("kafka-metadata-quorum", "org.apache.kafka.tools.MetadataQuorumCommand"),
        PRODUCER_PERF_TEST("kafka-producer-perf-test", "org.apache.kafka.tools.ProducerPerformance"),
        CONSUMER_PERF_TEST("kafka-consumer-perf-test", "org.apache.kafka.tools.ConsumerPerformance"),
        BROKER_API_VERSIONS("kafka-broker-api-versions", "org.apache.kafka.tools.BrokerApiVersionsCommand"),
        FEATURES("kafka-features", "org.apache.kafka.tools.FeatureCommand"),
        REASSIGN_PARTITIONS("kafka-reassign-partitions", "org.apache.kafka.tools.reassign.ReassignPartitionsCommand"),
        LEADER_ELECTION("kafka-leader-election", "org.apache.kafka.tools.LeaderElectionCommand");

        private final String script;
        private final String mainClass;

        Tool(String script, String mainClass) {
            this.script = script;
            this.mainClass = mainClass;
        }

        public String script() {
            return script;
        }

        public static Tool named(String name) {
            var script = name.endsWith(".sh") ? name.substring(0, name.length() - 3) : name;
            return Arrays.stream(values())
                    .filter(tool -> tool.script.equals(script))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown tool '" + name + "'. The tools are: "
                            + Arrays.stream(values()).map(Tool::script).collect(Collectors.joining(", "))));
        }
    }

    /** What a tool printed (stdout and stderr together) and its exit code. */
    public record Result(int exitCode, String output) {
    }

    private KafkaCli() {
    }

    /** Runs {@code tool} in a fresh JVM, as its script would, with {@code input} on its standard input. */
    public static Result runWithInput(Tool tool, String input, String... args) {
        var command = new ArrayList<String>(List.of(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                "-Dlab.log.dir=" + Path.of(System.getProperty("lab.log.dir", "target"), "cli"),
                KafkaCli.class.getName(), tool.script()));
        command.addAll(List.of(args));
        try {
            var outcome = BoundedProcess.run(command, input, Duration.ofSeconds(TIMEOUT_SECONDS), true).orElseThrow(() ->
                    new IllegalStateException(tool.script() + " did not finish within " + TIMEOUT_SECONDS + " s (killed)"));
            return new Result(outcome.exitCode(), outcome.output());
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + tool.script() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + tool.script(), e);
        }
    }

    /** Runs {@code tool} with an empty standard input. */
    public static Result run(Tool tool, String... args) {
        return runWithInput(tool, "", args);
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Runs {@code tool} in this JVM with {@code args}, as its script would ({@code ./lab tool}). */
    public static void runHere(Tool tool, List<String> args) throws Exception {
        var main = Class.forName(tool.mainClass).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args.toArray(String[]::new));
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** {@code KafkaCli <tool> [args...]}: runs the tool in this JVM; how {@link #runWithInput} starts one. */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("Usage: KafkaCli <tool> [args...], a tool being one of: "
                    + Arrays.stream(Tool.values()).map(Tool::script).collect(Collectors.joining(", ")));
            System.exit(2);
        }
        runHere(Tool.named(args[0]), Arrays.asList(args).subList(1, args.length));
    }
}
