package lab.kit.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

import lab.kit.schema.CompatibilityLevel;
import lab.kit.schema.RegisteredSchema;
import lab.kit.schema.SchemaRegistryException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lab's schema registry: an in-JVM stand-in for Confluent Schema Registry that speaks the subset of
 * its REST API the lab uses, with the same paths, bodies, status codes and error codes, and that keeps
 * its schemas in a compacted Kafka topic as the real one does. Clients written against it (the lab's
 * {@link lab.kit.schema.SchemaRegistryClient}, curl, Confluent's own serializers) work against the real registry that
 * docker/ runs. It is not the real registry: no deletes, no contexts, no references, no auth, and
 * compatibility is checked for Avro schemas only (with Avro's own {@code SchemaCompatibility}).
 *
 * <pre>
 * POST /subjects/{subject}/versions                      {"schema": "...", "schemaType": "AVRO"}  -> {"id": 1}
 * POST /subjects/{subject}                               is this schema registered here?          -> {subject, version, id, schema}
 * GET  /subjects, /subjects/{subject}/versions, /subjects/{subject}/versions/{n|latest}[/schema]
 * GET  /schemas/ids/{id}                                                                         -> {"schema": "..."}
 * POST /compatibility/subjects/{subject}/versions/{n|latest}[?verbose=true]                      -> {"is_compatible": true}
 * GET|PUT /config, /config/{subject}                     {"compatibility": "FULL"}
 * </pre>
 */
public final class LabSchemaRegistry implements AutoCloseable {

    public static final String DEFAULT_TOPIC = "_schemas";
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(LabSchemaRegistry.class);

    private final HttpServer server;
    private final SchemaStore store;

    private LabSchemaRegistry(HttpServer server, SchemaStore store) {
        this.server = server;
        this.store = store;
    }

    /** A registry on a free port, keeping its schemas in {@value #DEFAULT_TOPIC} of the given cluster. */
    public static LabSchemaRegistry start(String bootstrapServers) {
        return start(bootstrapServers, DEFAULT_TOPIC, 0);
    }

    /**
     * A registry on {@code port} (0: any free one) that keeps its schemas in {@code topic}, after reading
     * what the topic already holds.
     */
    public static LabSchemaRegistry start(String bootstrapServers, String topic, int port) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        } catch (BindException e) {
            throw new IllegalStateException("Port " + port + " is already in use, so the schema registry cannot listen"
                    + " on it. Stop what uses it (another registry, Docker's schema-registry service) or choose another port.", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open a port for the schema registry", e);
        }
        var store = SchemaStore.open(bootstrapServers, topic);
        var registry = new LabSchemaRegistry(server, store);
        server.createContext("/", registry::handle);
        server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
            var thread = new Thread(runnable, "lab-schema-registry");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        log.info("Schema registry (the lab's stand-in) at {}, schemas in topic {}", registry.url(), topic);
        return registry;
    }

    /** The base URL, e.g. {@code http://localhost:41234}: Confluent clients call it {@code schema.registry.url}. */
    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                var body = exchange.getRequestBody().readAllBytes();
                var answer = route(exchange.getRequestMethod(), segments(exchange), query(exchange),
                        body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body));
                respond(exchange, 200, answer);
            } catch (SchemaRegistryException e) {
                respond(exchange, e.status(), Map.of("error_code", e.errorCode(), "message", messageOf(e)));
            } catch (JsonProcessingException e) {
                respond(exchange, 422, Map.of("error_code", 42201, "message", "The request body is not JSON: " + e.getOriginalMessage()));
            } catch (RuntimeException e) {
                log.warn("Schema registry: {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                respond(exchange, 500, Map.of("error_code", 50001, "message", String.valueOf(e.getMessage())));
            }
        }
    }

    private Object route(String method, List<String> path, String query, JsonNode body) {
        var route = method + " " + (path.isEmpty() ? "" : path.get(0)) + "/" + path.size();
        return switch (route) {
            case "GET /0" -> Map.of();
            case "GET subjects/1" -> store.subjects();
            case "GET subjects/3" -> store.versions(path.get(1));
            case "POST subjects/3" -> Map.of("id", store.register(path.get(1), schemaText(body), schemaType(body)).id());
            case "POST subjects/2" -> asMap(store.lookup(path.get(1), schemaText(body), schemaType(body)));
            case "GET subjects/4" -> asMap(store.version(path.get(1), path.get(3)));
            case "GET subjects/5" -> rawSchema(store.version(path.get(1), path.get(3)), path.get(4));
            case "GET schemas/3" -> schemaById(path);
            case "POST compatibility/5" -> compatibility(path, query, body);
            case "GET config/1" -> Map.of("compatibilityLevel", store.globalLevel().name());
            case "PUT config/1" -> setLevel(null, body);
            case "GET config/2" -> subjectLevel(path.get(1), query);
            case "PUT config/2" -> setLevel(path.get(1), body);
            default -> throw new SchemaRegistryException(404, 404, method + " /" + String.join("/", path)
                    + " is not part of the lab's registry (see LabSchemaRegistry's javadoc for what is)");
        };
    }

    private Object schemaById(List<String> path) {
        if (!path.get(1).equals("ids")) {
            throw new SchemaRegistryException(404, 404, "Use GET /schemas/ids/{id}");
        }
        var registered = store.byId(parseId(path.get(2)));
        return registered.schemaType().equals("AVRO")
                ? Map.of("schema", registered.schema())
                : Map.of("schema", registered.schema(), "schemaType", registered.schemaType());
    }

    private Object compatibility(List<String> path, String query, JsonNode body) {
        if (!path.get(1).equals("subjects") || !path.get(3).equals("versions")) {
            throw new SchemaRegistryException(404, 404, "Use POST /compatibility/subjects/{subject}/versions/{version}");
        }
        store.version(path.get(2), path.get(4));   // 404 for an unknown subject or version, as the real one
        var problems = store.compatibilityProblems(path.get(2), schemaText(body), schemaType(body));
        return query.contains("verbose=true")
                ? Map.of("is_compatible", problems.isEmpty(), "messages", problems)
                : Map.of("is_compatible", problems.isEmpty());
    }

    private Object subjectLevel(String subject, String query) {
        var level = store.subjectLevel(subject);
        if (level.isEmpty() && !query.contains("defaultToGlobal=true")) {
            throw new SchemaRegistryException(404, 40408, "Subject '" + subject
                    + "' does not have subject-level compatibility configured");
        }
        return Map.of("compatibilityLevel", level.orElse(store.globalLevel()).name());
    }

    private Object setLevel(String subject, JsonNode body) {
        try {
            var level = CompatibilityLevel.parse(body.path("compatibility").asText(null));
            store.setLevel(subject, level);
            return Map.of("compatibility", level.name());
        } catch (IllegalArgumentException e) {
            throw new SchemaRegistryException(422, 42203, e.getMessage());
        }
    }

    private static Object rawSchema(RegisteredSchema registered, String last) {
        if (!last.equals("schema")) {
            throw new SchemaRegistryException(404, 404, "Use GET /subjects/{subject}/versions/{version}/schema");
        }
        try {
            return JSON.readTree(registered.schema());
        } catch (JsonProcessingException e) {
            return registered.schema();
        }
    }

    private static Map<String, Object> asMap(RegisteredSchema registered) {
        var map = new LinkedHashMap<String, Object>();
        map.put("subject", registered.subject());
        map.put("version", registered.version());
        map.put("id", registered.id());
        if (!registered.schemaType().equals("AVRO")) {
            map.put("schemaType", registered.schemaType());
        }
        map.put("schema", registered.schema());
        return map;
    }

    private static String schemaText(JsonNode body) {
        var schema = body.path("schema");
        if (!schema.isTextual()) {
            throw new SchemaRegistryException(422, 42201, "The body needs a \"schema\" field holding the schema as a string");
        }
        return schema.asText();
    }

    private static String schemaType(JsonNode body) {
        return body.path("schemaType").asText("AVRO").toUpperCase(Locale.ROOT);
    }

    private static int parseId(String id) {
        try {
            return Integer.parseInt(id);
        } catch (NumberFormatException e) {
            throw new SchemaRegistryException(404, 40403, "Schema not found: '" + id + "' is not an id");
        }
    }

    private static List<String> segments(HttpExchange exchange) {
        return Arrays.stream(exchange.getRequestURI().getRawPath().split("/"))
                .filter(segment -> !segment.isEmpty())
                .map(segment -> URLDecoder.decode(segment, StandardCharsets.UTF_8))
                .toList();
    }

    private static String query(HttpExchange exchange) {
        return String.valueOf(exchange.getRequestURI().getRawQuery());
    }

    private static String messageOf(SchemaRegistryException e) {
        var message = e.getMessage();
        var suffix = message.lastIndexOf(" (HTTP ");
        return suffix < 0 ? message : message.substring(0, suffix);
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        var bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        store.close();
    }
}
