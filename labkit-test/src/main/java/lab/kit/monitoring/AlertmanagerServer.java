package lab.kit.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import lab.kit.broker.LabPorts;
import lab.kit.broker.LabSetupException;

/**
 * A real Alertmanager (Debian's {@code prometheus-alertmanager}) that routes every alert to one webhook,
 * at once and again when it resolves: what an on-call pager or a chat integration receives. Started on
 * a free port, without its cluster port (one instance needs no peers).
 */
public final class AlertmanagerServer implements AutoCloseable {

    /** Where to find the binary when it is not on the PATH. */
    public static final String BINARY_VARIABLE = "LAB_ALERTMANAGER";
    /** What to do when it is missing. */
    public static final String MISSING = "Alertmanager is not installed here. On Debian or Ubuntu: sudo apt-get install"
            + " prometheus-alertmanager (./lab prometheus install does it); elsewhere, download it from the Prometheus project"
            + " and set " + BINARY_VARIABLE + " to the alertmanager binary.";

    private final ServerProcess server;
    private final int port;

    private AlertmanagerServer(ServerProcess server, int port) {
        this.server = server;
        this.port = port;
    }

    public static Optional<Path> binary() {
        return ServerProcess.binary(BINARY_VARIABLE, List.of("prometheus-alertmanager", "alertmanager"));
    }

    public static boolean installed() {
        return binary().isPresent();
    }

    /** Starts one that sends every alert, firing and resolved, to {@code webhook} (an http URL). */
    public static AlertmanagerServer start(URI webhook) {
        var binary = binary().orElseThrow(() -> new LabSetupException(MISSING));
        var dir = ServerProcess.directory("alertmanager");
        var port = LabPorts.free();
        // No waiting to group alerts: a test should hear of an alert the moment Prometheus sends it.
        var configuration = """
                route:
                  receiver: webhook
                  group_by: ['alertname']
                  group_wait: 0s
                  group_interval: 1s
                  repeat_interval: 1h
                receivers:
                  - name: webhook
                    webhook_configs:
                      - url: '%s'
                        send_resolved: true
                """.formatted(webhook);
        try {
            Files.writeString(dir.resolve("alertmanager.yml"), configuration);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AlertmanagerServer(ServerProcess.start("alertmanager", List.of(binary.toString(),
                "--config.file=" + dir.resolve("alertmanager.yml"), "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=", "--log.level=warn"), dir,
                URI.create("http://127.0.0.1:" + port)), port);
    }

    /** The address Prometheus sends alerts to, {@code 127.0.0.1:<port>}. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    /** The alerts it holds now, as its API lists them (JSON). */
    public String alerts() throws IOException, InterruptedException {
        return server.get("/api/v2/alerts");
    }

    @Override
    public void close() {
        server.stop();
    }
}
