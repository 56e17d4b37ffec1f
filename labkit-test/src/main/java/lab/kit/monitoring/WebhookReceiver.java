package lab.kit.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * The other end of Alertmanager's webhook, where a pager or a chat integration would be: it keeps every
 * notification it receives, for a test to look at. One notification carries a group of alerts, each
 * with its labels and its status ({@code firing} or {@code resolved}).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One alert of a notification: its name, its status, its labels as JSON. */
    public record Notified(String alertname, String status, JsonNode labels) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Notified> received = new ArrayList<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            var receiver = new WebhookReceiver(server);
            server.createContext("/alerts", exchange -> {
                try (exchange) {
                    receiver.keep(JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                    exchange.sendResponseHeaders(200, -1);
                }
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("The webhook receiver could not open a port", e);
        }
    }

    /** The URL to give Alertmanager. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/alerts");
    }

    /** Every alert received so far, in order. */
    public synchronized List<Notified> received() {
        return List.copyOf(received);
    }

    private synchronized void keep(JsonNode notification) {
        for (var alert : notification.path("alerts")) {
            received.add(new Notified(alert.path("labels").path("alertname").asText(), alert.path("status").asText(),
                    alert.path("labels")));
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
