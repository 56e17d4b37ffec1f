package lab.kit.registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import lab.kit.schema.CompatibilityLevel;
import lab.kit.schema.RegisteredSchema;
import lab.kit.schema.SchemaRegistryException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The registry's state, kept the way Confluent's registry keeps it: every registration and setting is a
 * record in a compacted, single-partition Kafka topic ({@code _schemas} by default), keyed by what it
 * is about, and the state is rebuilt by reading that topic from the start. A write is acknowledged by
 * the broker before it counts. One writer at a time (the lab runs one registry per topic).
 */
final class SchemaStore implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REPLAY_LIMIT = Duration.ofSeconds(30);

    private final String topic;
    private final KafkaProducer<String, String> producer;
    private final Map<String, List<RegisteredSchema>> subjects = new LinkedHashMap<>();
    private final Map<Integer, RegisteredSchema> byId = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;

    private SchemaStore(String topic, KafkaProducer<String, String> producer) {
        this.topic = topic;
        this.producer = producer;
    }

    static SchemaStore open(String bootstrapServers, String topic) {
        createTopicIfAbsent(bootstrapServers, topic);
        var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        var store = new SchemaStore(topic, producer);
        store.replay(bootstrapServers);
        return store;
    }

    // ---- reads ----

    synchronized List<String> subjects() {
        return List.copyOf(subjects.keySet());
    }

    synchronized List<Integer> versions(String subject) {
        return versionsOf(subject).stream().map(RegisteredSchema::version).toList();
    }

    synchronized RegisteredSchema version(String subject, String version) {
        var versions = versionsOf(subject);
        if (version.equals("latest") || version.equals("-1")) {
            return versions.get(versions.size() - 1);
        }
        try {
            var number = Integer.parseInt(version);
            return versions.stream().filter(v -> v.version() == number).findFirst()
                    .orElseThrow(() -> SchemaRegistryException.versionNotFound(subject, version));
        } catch (NumberFormatException e) {
            throw new SchemaRegistryException(422, 42202, "'" + version + "' is not a version: use a positive number or 'latest'");
        }
    }

    synchronized RegisteredSchema byId(int id) {
        return Optional.ofNullable(byId.get(id)).orElseThrow(() -> SchemaRegistryException.schemaNotFound("id " + id));
    }

    /** The version of {@code subject} whose schema is {@code schema}, as {@code POST /subjects/{s}} answers. */
    synchronized RegisteredSchema lookup(String subject, String schema, String schemaType) {
        var canonical = canonical(schema, schemaType);
        return versionsOf(subject).stream().filter(v -> sameSchema(v, canonical, schemaType)).findFirst()
                .orElseThrow(() -> SchemaRegistryException.schemaNotFound("not registered under '" + subject + "'"));
    }

    synchronized CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    /** Reasons {@code schema} may not become the next version of {@code subject}; empty when it may. */
    synchronized List<String> compatibilityProblems(String subject, String schema, String schemaType) {
        var level = subjectLevels.getOrDefault(subject, globalLevel);
        var earlier = subjects.getOrDefault(subject, List.of());
        if (level == CompatibilityLevel.NONE || earlier.isEmpty()) {
            canonical(schema, schemaType);   // still refuse a schema that does not parse
            return List.of();
        }
        if (!schemaType.equals("AVRO") || earlier.stream().anyMatch(v -> !v.schemaType().equals("AVRO"))) {
            throw new SchemaRegistryException(422, 42201, "The lab's registry checks compatibility of AVRO schemas"
                    + " only; subject '" + subject + "' has level " + level + ". Set its level to NONE"
                    + " (PUT /config/" + subject + " {\"compatibility\": \"NONE\"}) or use the real registry in docker/.");
        }
        var candidate = parseAvro(schema);
        return level.problems(candidate, earlier.stream().map(v -> parseAvro(v.schema())).toList());
    }

    // ---- writes ----

    synchronized RegisteredSchema register(String subject, String schema, String schemaType) {
        var canonical = canonical(schema, schemaType);
        var existing = subjects.getOrDefault(subject, List.of()).stream()
                .filter(v -> sameSchema(v, canonical, schemaType)).findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        var problems = compatibilityProblems(subject, schema, schemaType);
        if (!problems.isEmpty()) {
            throw new SchemaRegistryException(409, 409, "Schema being registered is incompatible with an earlier"
                    + " schema for subject '" + subject + "' (level " + subjectLevels.getOrDefault(subject, globalLevel)
                    + "): " + String.join("; ", problems));
        }
        // The same schema under another subject keeps its id, as in Confluent's registry.
        var id = byId.values().stream().filter(v -> sameSchema(v, canonical, schemaType)).map(RegisteredSchema::id)
                .findFirst().orElse(byId.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1);
        var versions = subjects.getOrDefault(subject, List.of());
        var version = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
        var registered = new RegisteredSchema(subject, version, id, canonical, schemaType);
        var key = JSON.createObjectNode().put("keytype", "SCHEMA").put("subject", subject).put("version", version).put("magic", 1);
        var value = JSON.createObjectNode().put("subject", subject).put("version", version).put("id", id).put("schema", canonical);
        if (!schemaType.equals("AVRO")) {
            value.put("schemaType", schemaType);
        }
        write(key, value);
        apply(registered);
        return registered;
    }

    synchronized void setLevel(String subject, CompatibilityLevel level) {
        var key = JSON.createObjectNode().put("keytype", "CONFIG").put("magic", 0);
        if (subject == null) {
            key.putNull("subject");
        } else {
            key.put("subject", subject);
        }
        write(key, JSON.createObjectNode().put("compatibilityLevel", level.name()));
        applyLevel(subject, level);
    }

    private void write(ObjectNode key, ObjectNode value) {
        try {
            producer.send(new ProducerRecord<>(topic, key.toString(), value.toString())).get();
        } catch (ExecutionException e) {
            throw new SchemaRegistryException(500, 50001, "Could not store in " + topic + ": " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(500, 50001, "Interrupted while storing in " + topic);
        }
    }

    // ---- the topic ----

    private static void createTopicIfAbsent(String bootstrapServers, String topic) {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            var brokers = admin.describeCluster().nodes().get().size();
            var schemas = new NewTopic(topic, 1, (short) Math.min(3, brokers))
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(schemas)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create the registry's topic " + topic + ": " + e.getCause(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating " + topic, e);
        }
    }

    /** Reads the topic from its start to its end and applies every record, as a restarted registry does. */
    private void replay(String bootstrapServers) {
        var partition = new TopicPartition(topic, 0);
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            var end = consumer.endOffsets(List.of(partition)).get(partition);
            var deadline = System.nanoTime() + REPLAY_LIMIT.toNanos();
            while (consumer.position(partition) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end within " + REPLAY_LIMIT);
                }
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    applyRecord(record.key(), record.value());
                }
            }
        }
    }

    private void applyRecord(String key, String value) {
        try {
            var keyNode = JSON.readTree(key);
            if (value == null) {
                return;   // deletes are not used by the lab's registry
            }
            var valueNode = JSON.readTree(value);
            switch (keyNode.path("keytype").asText()) {
                case "SCHEMA" -> apply(new RegisteredSchema(valueNode.path("subject").asText(), valueNode.path("version").asInt(),
                        valueNode.path("id").asInt(), valueNode.path("schema").asText(), valueNode.path("schemaType").asText("AVRO")));
                case "CONFIG" -> applyLevel(keyNode.path("subject").isNull() || keyNode.path("subject").isMissingNode()
                        ? null : keyNode.path("subject").asText(), CompatibilityLevel.parse(valueNode.path("compatibilityLevel").asText()));
                default -> { }   // record types of Confluent's registry the lab does not use
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A record in " + topic + " is not the registry's JSON: " + key, e);
        }
    }

    private void apply(RegisteredSchema registered) {
        subjects.computeIfAbsent(registered.subject(), s -> new ArrayList<>()).add(registered);
        byId.putIfAbsent(registered.id(), registered);
    }

    private void applyLevel(String subject, CompatibilityLevel level) {
        if (subject == null) {
            globalLevel = level;
        } else {
            subjectLevels.put(subject, level);
        }
    }

    // ---- schemas ----

    private List<RegisteredSchema> versionsOf(String subject) {
        var versions = subjects.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw SchemaRegistryException.subjectNotFound(subject);
        }
        return versions;
    }

    private static boolean sameSchema(RegisteredSchema registered, String canonical, String schemaType) {
        return registered.schemaType().equals(schemaType) && registered.schema().equals(canonical);
    }

    /** The schema in one normal form, so the same schema written differently gets the same id. */
    private static String canonical(String schema, String schemaType) {
        return switch (schemaType) {
            case "AVRO" -> parseAvro(schema).toString();
            case "JSON" -> {
                try {
                    yield JSON.readTree(schema).toString();
                } catch (JsonProcessingException e) {
                    throw SchemaRegistryException.invalidSchema("not JSON: " + e.getOriginalMessage());
                }
            }
            default -> throw new SchemaRegistryException(422, 42201, "Unsupported schemaType '" + schemaType
                    + "': the lab's registry knows AVRO and JSON");
        };
    }

    private static Schema parseAvro(String schema) {
        try {
            return new Schema.Parser().parse(schema);
        } catch (SchemaParseException e) {
            throw SchemaRegistryException.invalidSchema(e.getMessage());
        } catch (RuntimeException e) {
            // Avro 1.12 reports an unknown type name ("recrod") as a NullPointerException.
            throw SchemaRegistryException.invalidSchema(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
