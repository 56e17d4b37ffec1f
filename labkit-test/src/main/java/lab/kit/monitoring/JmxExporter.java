package lab.kit.monitoring;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.management.MalformedObjectNameException;
import javax.management.remote.JMXServiceURL;

import io.prometheus.jmx.JmxCollector;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import lab.kit.broker.LabPorts;
import lab.kit.broker.LabSetupException;

/**
 * Prometheus's JMX exporter in its standalone form (as {@code jmx_prometheus_standalone} runs it): it
 * reads one node's MBeans over JMX, turns them into Prometheus samples by the rules of its configuration,
 * and serves them at {@code http://127.0.0.1:<port>/metrics} for Prometheus to scrape. In production the
 * same configuration usually runs as a Java agent inside the broker; the rules are the same.
 */
public final class JmxExporter implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /**
     * Quiet: a scrape of a node that a test stopped logs a stack trace per scrape. The failure still shows
     * where monitoring looks for it, as the exporter's own {@code jmx_scrape_error} sample (1). A field, so
     * the logger and its level are not collected.
     */
    private static final Logger EXPORTER_LOG = quiet(Logger.getLogger("io.prometheus.jmx"));

    private final HTTPServer server;

    private JmxExporter(HTTPServer server) {
        this.server = server;
    }

    /**
     * Starts an exporter for the JVM at {@code node}. {@code configuration}: the exporter's YAML without
     * {@code jmxUrl} (the kit adds it), e.g. {@code lowercaseOutputName: true} and a {@code rules:} list.
     */
    public static JmxExporter start(JMXServiceURL node, String configuration) {
        var yaml = "jmxUrl: " + node + "\n" + configuration;
        try {
            var registry = new PrometheusRegistry();
            new JmxCollector(yaml).register(registry);
            return new JmxExporter(HTTPServer.builder().hostname("127.0.0.1").port(LabPorts.free()).registry(registry)
                    .buildAndStart());
        } catch (MalformedObjectNameException | RuntimeException e) {
            throw new LabSetupException("The JMX exporter refused its configuration: " + e.getMessage()
                    + "\nThe configuration it was given:\n" + yaml, e);
        } catch (IOException e) {
            throw new LabSetupException("The JMX exporter could not open its HTTP port: " + e.getMessage(), e);
        }
    }

    /** The address Prometheus scrapes, {@code 127.0.0.1:<port>}. */
    public String target() {
        return "127.0.0.1:" + server.getPort();
    }

    /** What a scrape returns now: the samples in Prometheus's text format. */
    public String scrape() throws IOException, InterruptedException {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + target() + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("The exporter at " + target() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    @Override
    public void close() {
        server.close();
    }

    private static Logger quiet(Logger logger) {
        logger.setLevel(Level.OFF);
        return logger;
    }
}
