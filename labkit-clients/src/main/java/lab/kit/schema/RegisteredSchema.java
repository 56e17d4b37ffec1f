package lab.kit.schema;

/**
 * One version of a subject, as the registry stores it and answers {@code GET /subjects/{s}/versions/{v}}.
 *
 * @param schemaType "AVRO" or "JSON"
 */
public record RegisteredSchema(String subject, int version, int id, String schema, String schemaType) {
}
