package lab.kit.schema;

/**
 * An error in the Confluent Schema Registry's terms: an HTTP status and an error code, e.g. 409 for an
 * incompatible schema, 404/40401 for an unknown subject, 422/42201 for a schema that does not parse.
 */
public class SchemaRegistryException extends RuntimeException {

    private final int status;
    private final int errorCode;

    public SchemaRegistryException(int status, int errorCode, String message) {
        super(message + " (HTTP " + status + ", error_code " + errorCode + ")");
        this.status = status;
        this.errorCode = errorCode;
    }

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }

    public static SchemaRegistryException subjectNotFound(String subject) {
        return new SchemaRegistryException(404, 40401, "Subject '" + subject + "' not found");
    }

    public static SchemaRegistryException versionNotFound(String subject, String version) {
        return new SchemaRegistryException(404, 40402, "Version " + version + " of subject '" + subject + "' not found");
    }

    public static SchemaRegistryException schemaNotFound(String what) {
        return new SchemaRegistryException(404, 40403, "Schema not found: " + what);
    }

    public static SchemaRegistryException invalidSchema(String why) {
        return new SchemaRegistryException(422, 42201, "Invalid schema: " + why);
    }
}
