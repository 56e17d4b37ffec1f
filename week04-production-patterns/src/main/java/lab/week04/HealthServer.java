package lab.week04;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * {@code GET /health} over the JDK's own HTTP server (given; 4.12 writes the check behind it). 200 with
 * {@code "status": "UP"} when every check is up, 503 with {@code "DOWN"} otherwise, and each check's
 * detail in the body, the shape Kubernetes probes and load balancers expect.
 */
public final class HealthServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;

    private HealthServer(HttpServer server) {
        this.server = server;
    }

    /** Serves {@code check} on {@code port} (0: any free port). */
    public static HealthServer start(int port, Supplier<Health> check) {
        try {
            var server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
            server.createContext("/health", exchange -> respond(exchange, check));
            server.start();
            return new HealthServer(server);
        } catch (BindException e) {
            throw new IllegalStateException("Port " + port + " is in use, so the health endpoint cannot start. "
                    + "Stop what holds it (ss -ltnp 'sport = :" + port + "') or pick another port.", e);
        } catch (IOException e) {
            throw new UncheckedIOException("The health endpoint could not start on port " + port, e);
        }
    }

    public URI uri() {
        return URI.create("http://localhost:" + server.getAddress().getPort() + "/health");
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void respond(HttpExchange exchange, Supplier<Health> check) throws IOException {
        Health health;
        try {
            health = check.get();
        } catch (RuntimeException e) {
            // A check that throws is a bug in the check, not a verdict on the service: say so with a 500.
            send(exchange, 500, JSON.writeValueAsBytes(Map.of("status", "DOWN", "error", "the health check failed: " + e)));
            return;
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("status", health.up() ? "UP" : "DOWN");
        var checks = new LinkedHashMap<String, Object>();
        health.checks().forEach((name, verdict) ->
                checks.put(name, Map.of("status", verdict.up() ? "UP" : "DOWN", "detail", verdict.detail())));
        body.put("checks", checks);
        send(exchange, health.up() ? 200 : 503, JSON.writeValueAsBytes(body));
    }

    private static void send(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
