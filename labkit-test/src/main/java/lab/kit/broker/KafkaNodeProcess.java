package lab.kit.broker;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import kafka.tools.StorageTool;
import lab.kit.process.KafkaNodeMain;

/**
 * One Kafka node (a broker or a controller) as its own operating-system process: Apache Kafka's
 * {@code kafka.Kafka} with a {@code server.properties} of its own, its data and its log in its own folder.
 * Stopping it sends SIGTERM (Kafka's controlled shutdown); killing it sends SIGKILL; starting it again
 * reuses the same folder, so its data survives.
 */
final class KafkaNodeProcess {

    enum Role { BROKER, CONTROLLER }

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final String LOGBACK = """
            <configuration>
              <appender name="FILE" class="ch.qos.logback.core.FileAppender">
                <file>%s</file>
                <encoder><pattern>%%d{HH:mm:ss.SSS} %%-5level [%%thread] %%logger{36} - %%msg%%n</pattern></encoder>
              </appender>
              <logger name="kafka.request.logger" level="WARN"/>
              <logger name="org.apache.kafka.clients" level="WARN"/>
              <root level="INFO"><appender-ref ref="FILE"/></root>
            </configuration>
            """;

    private final int id;
    private final Role role;
    private final int port;
    private final int jmxPort;
    private final Path dir;
    private final Map<String, String> config;
    private final List<String> jvmOptions;
    private final String classpath;
    /** Whether it maps its classes from the {@link NodeClassArchive} once that exists (the archive's trainer does not). */
    private final boolean sharesClasses;
    private Process process;
    private long startedAtMillis;

    KafkaNodeProcess(int id, Role role, int port, int jmxPort, Path dir, Map<String, String> config, List<String> jvmOptions) {
        this(id, role, port, jmxPort, dir, config, jvmOptions, NodeClassArchive.nodeClasspath(), true);
    }

    KafkaNodeProcess(int id, Role role, int port, int jmxPort, Path dir, Map<String, String> config, List<String> jvmOptions,
            String classpath, boolean sharesClasses) {
        this.id = id;
        this.role = role;
        this.port = port;
        this.jmxPort = jmxPort;
        this.dir = dir;
        this.config = new TreeMap<>(config);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.classpath = classpath;
        this.sharesClasses = sharesClasses;
    }

    int id() {
        return id;
    }

    Role role() {
        return role;
    }

    /** The port of its client listener (brokers) or of its controller listener (controllers). */
    int port() {
        return port;
    }

    /** The port its JVM serves JMX on. */
    int jmxPort() {
        return jmxPort;
    }

    Path log() {
        return dir.resolve("server.log");
    }

    Map<String, String> config() {
        return config;
    }

    /** Writes server.properties and formats the storage, in this JVM: a format JVM per node costs seconds. */
    void format(String clusterId, List<String> options) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(properties(), config.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("\n", "", "\n")));
        Files.writeString(dir.resolve("logback.xml"), String.format(LOGBACK, log()));
        var output = new java.io.ByteArrayOutputStream();
        var arguments = new ArrayList<>(List.of("format", "-t", clusterId, "-c", properties().toString(), "--ignore-formatted"));
        arguments.addAll(options);
        var exit = StorageTool.execute(arguments.toArray(String[]::new), new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new LabSetupException("Formatting the storage of node " + id + " failed: "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    synchronized void start() throws IOException {
        if (isAlive()) {
            return;
        }
        startedAtMillis = System.currentTimeMillis();
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        if (sharesClasses) {
            command.addAll(NodeClassArchive.jvmOptions(jvmOptions));
        }
        command.add("-Dlogback.configurationFile=" + dir.resolve("logback.xml"));
        command.add("-cp");
        command.add(classpath);
        command.add(KafkaNodeMain.class.getName());
        command.add(properties().toString());
        process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("console.log").toFile()))
                .start(); // stdin stays a pipe that this JVM never writes: KafkaNodeMain exits when it closes
    }

    /** SIGTERM: Kafka shuts down in order (a broker hands its leaderships over first). Waits until it exited. */
    synchronized void stop() {
        if (isAlive()) {
            // Through the ProcessHandle: Process#destroy would also close the node's stdin, which the node
            // reads as "my parent died" and halts, cutting its controlled shutdown short.
            process.toHandle().destroy();
            awaitExit(STOP_TIMEOUT);
        }
    }

    /** SIGKILL: gone at once, as after a power cut; nothing is flushed or handed over. */
    synchronized void kill() {
        if (isAlive()) {
            process.destroyForcibly();
            awaitExit(STOP_TIMEOUT);
        }
    }

    /** When its process was last started (wall clock, as Kafka's own timestamps). */
    synchronized long startedAtMillis() {
        return startedAtMillis;
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    synchronized long pid() {
        if (!isAlive()) {
            throw new IllegalStateException("Node " + id + " is not running");
        }
        return process.pid();
    }

    /** The last lines of its log, to show when it failed to start. */
    String logTail(int lines) {
        try {
            var all = new ArrayList<String>();
            for (var file : List.of(dir.resolve("console.log"), log())) {
                if (Files.exists(file)) {
                    all.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
                }
            }
            var errors = all.stream().filter(line -> line.contains("ERROR") || line.contains("Exception")).toList();
            var shown = errors.isEmpty() ? all : errors;
            return String.join("\n", shown.subList(Math.max(0, shown.size() - lines), shown.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private Path properties() {
        return dir.resolve("server.properties");
    }
}
