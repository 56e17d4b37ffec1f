package lab.kit.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A service of the shop in a JVM of its own, as it runs in production: its own heap (set with
 * {@code -Xmx}), its own garbage collector, and JMX on a port of its own, so a test reads its memory and
 * GC the way an operator does. It runs a class's {@code main} from the test's classpath, logs to a file,
 * and ends with the test JVM ({@link ParentWatch}); {@link #close()} kills it.
 *
 * <pre>{@code
 * try (var service = JavaService.start("order-status", OrderStatusService.class, List.of("-Xmx96m"), List.of(bootstrap))) {
 *     try (var jmx = JMXConnectorFactory.connect(service.jmxUrl())) { ... }
 * }
 * }</pre>
 */
public final class JavaService implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final JMXServiceURL jmxUrl;
    private final Path log;

    private JavaService(Process process, JMXServiceURL jmxUrl, Path log) {
        this.process = process;
        this.jmxUrl = jmxUrl;
        this.log = log;
    }

    /**
     * Starts {@code mainClass} with {@code args} in a new JVM with {@code jvmOptions}, and returns once its
     * JMX answers. Its output goes to {@code <lab.log.dir>/services/<name>-<pid>.log}.
     */
    public static JavaService start(String name, Class<?> mainClass, List<String> jvmOptions, List<String> args) {
        var port = freePort();
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(jmxOptions(port));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ServiceMain.class.getName(), mainClass.getName()));
        command.addAll(args);
        try {
            var folder = Files.createDirectories(Path.of(System.getProperty("lab.log.dir", "target"), "services"));
            var log = folder.resolve(name + "-" + System.nanoTime() + ".log");
            var process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start(); // stdin stays a pipe this JVM never writes: the service's ParentWatch
            var service = new JavaService(process, new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi"), log);
            service.awaitJmx(name);
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the service " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * JMX on one port, on the loopback only, without authentication, as {@code KAFKA_JMX_PORT} gives a
     * broker started by Kafka's scripts: how tests read a child JVM's metrics and memory. The RMI port is
     * the same, so the address stays one port after a restart. The kit's broker processes use it too.
     */
    public static List<String> jmxOptions(int port) {
        return List.of("-Dcom.sun.management.jmxremote.port=" + port, "-Dcom.sun.management.jmxremote.rmi.port=" + port,
                "-Dcom.sun.management.jmxremote.host=127.0.0.1", "-Djava.rmi.server.hostname=127.0.0.1",
                "-Dcom.sun.management.jmxremote.authenticate=false", "-Dcom.sun.management.jmxremote.ssl=false",
                "-Dcom.sun.management.jmxremote.local.only=true");
    }

    /** Where its JVM serves JMX. */
    public JMXServiceURL jmxUrl() {
        return jmxUrl;
    }

    /** Its output, for reading after a failure. */
    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, and waits until it is gone. */
    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitJmx(String name) {
        var deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service " + name + " ended at start (exit " + process.exitValue()
                        + "); its output: " + log.toAbsolutePath());
            }
            try (var connector = JMXConnectorFactory.connect(jmxUrl)) {
                connector.getMBeanServerConnection().getMBeanCount();
                return;
            } catch (IOException e) {
                pause();
            }
        }
        close();
        throw new IllegalStateException("The service " + name + " did not answer on JMX within " + READY_TIMEOUT.toSeconds()
                + " s; its output: " + log.toAbsolutePath());
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Its own free port: lab.kit.process must not depend on lab.kit.broker (LabPorts), which depends on it. */
    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the service's JMX", e);
        }
    }
}
