package lab.kit.schema;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A small client for the Confluent Schema Registry REST API, the real one or the lab's
 * {@link LabSchemaRegistry}. Schemas fetched by id are cached: an id never changes its schema, which is
 * what lets a serializer put only the id in every record.
 */
public final class SchemaRegistryClient {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ConcurrentHashMap<Integer, String> schemasById = new ConcurrentHashMap<>();

    public SchemaRegistryClient(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Registers {@code schema} (Avro) under {@code subject}, or finds it there; returns its id. */
    public int register(String subject, String schema) {
        return register(subject, schema, "AVRO");
    }

    /** Registers {@code schema} of {@code schemaType} ("AVRO" or "JSON") under {@code subject}; returns its id. */
    public int register(String subject, String schema, String schemaType) {
        var answer = call("POST", "/subjects/" + encode(subject) + "/versions", body(schema, schemaType));
        return answer.path("id").asInt();
    }

    /** The schema with this id (cached after the first call). */
    public String schemaById(int id) {
        return schemasById.computeIfAbsent(id, key -> call("GET", "/schemas/ids/" + key, null).path("schema").asText());
    }

    public RegisteredSchema latest(String subject) {
        return version(subject, "latest");
    }

    public RegisteredSchema version(String subject, String version) {
        var answer = call("GET", "/subjects/" + encode(subject) + "/versions/" + version, null);
        return new RegisteredSchema(answer.path("subject").asText(), answer.path("version").asInt(), answer.path("id").asInt(),
                answer.path("schema").asText(), answer.path("schemaType").asText("AVRO"));
    }

    public List<Integer> versions(String subject) {
        var answer = call("GET", "/subjects/" + encode(subject) + "/versions", null);
        var versions = new ArrayList<Integer>();
        answer.forEach(node -> versions.add(node.asInt()));
        return versions;
    }

    /** Whether {@code schema} (Avro) could be registered as the next version of {@code subject}. */
    public boolean isCompatible(String subject, String schema) {
        return call("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest", body(schema, "AVRO"))
                .path("is_compatible").asBoolean();
    }

    public void setCompatibility(String subject, CompatibilityLevel level) {
        call("PUT", "/config/" + encode(subject), JSON.createObjectNode().put("compatibility", level.name()).toString());
    }

    private static String body(String schema, String schemaType) {
        var body = JSON.createObjectNode().put("schema", schema);
        if (!schemaType.equals("AVRO")) {
            body.put("schemaType", schemaType);
        }
        return body.toString();
    }

    private JsonNode call(String method, String path, String body) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", CONTENT_TYPE)
                .header("Accept", CONTENT_TYPE)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            var answer = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
            if (response.statusCode() >= 300) {
                throw new SchemaRegistryException(response.statusCode(), answer.path("error_code").asInt(response.statusCode()),
                        answer.path("message").asText(response.body()));
            }
            return answer;
        } catch (ConnectException e) {
            throw new SchemaRegistryException(503, 50301, "No schema registry answers at " + baseUrl
                    + ": start one (LabSchemaRegistry in tests, docker/ for the real one) or fix schema.registry.url");
        } catch (IOException e) {
            throw new SchemaRegistryException(503, 50302, "Talking to the schema registry at " + baseUrl + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(503, 50303, "Interrupted while calling the schema registry");
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
