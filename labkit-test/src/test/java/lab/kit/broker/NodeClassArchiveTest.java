package lab.kit.broker;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DisplayName("Kafka processes that map their classes from a shared archive")
class NodeClassArchiveTest {

    private static final List<String> NODE_OPTIONS = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC");

    @Test
    @DisplayName("a node's classpath is the kit's jars and the node's main jar, nothing of the module")
    void classpathOfJarsOnly() {
        var entries = List.of(NodeClassArchive.nodeClasspath().split(File.pathSeparator));

        assertThat(entries).as("the node's classpath").allMatch(entry -> entry.endsWith(".jar"))
                .anyMatch(entry -> Path.of(entry).getFileName().toString().startsWith("kafka_"))
                .anyMatch(entry -> Path.of(entry).getFileName().toString().startsWith("node-main-"));
    }

    @Test
    @DisplayName("once made, the archive is what a node's JVM loads Kafka's classes from")
    void nodesMapTheArchive() throws Exception {
        NodeClassArchive.jvmOptions(NODE_OPTIONS); // starts the training where no archive exists yet
        var options = new ArrayList<String>();
        await("the class-data archive, made by a training node").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    options.clear();
                    options.addAll(NodeClassArchive.jvmOptions(NODE_OPTIONS));
                    return !options.isEmpty();
                });

        // -Xshare:on fails the JVM if the archive does not fit the classpath; the log says where each class came from.
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:on",
                "-Xlog:class+load=info"));
        command.addAll(NODE_OPTIONS);
        command.addAll(options);
        command.addAll(List.of("-cp", NodeClassArchive.nodeClasspath(), "kafka.Kafka")); // no arguments: usage, then exit
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the JVM ended").isTrue();

        assertThat(output).as("how a node's JVM loaded kafka.Kafka with %s", options)
                .containsPattern("kafka\\.Kafka\\$? source: shared objects file \\(top\\)");
        assertThat(Files.size(Path.of(options.get(0).substring(options.get(0).indexOf('=') + 1))))
                .as("the archive's size in bytes").isGreaterThan(10_000_000L);
    }
}
