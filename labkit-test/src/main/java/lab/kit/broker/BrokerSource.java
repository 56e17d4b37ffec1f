package lab.kit.broker;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where the lab's Kafka comes from, chosen with {@code -Dlab.broker=...}.
 *
 * <pre>{@code
 * ./mvnw test -pl week01-fundamentals -am                                  # embedded (default)
 * ./mvnw test -pl week01-fundamentals -am -Dlab.broker=containers          # Docker
 * ./mvnw test -pl week01-fundamentals -am -Dlab.broker=external -Dlab.bootstrap=localhost:9092
 * }</pre>
 */
public enum BrokerSource {
    /** Apache Kafka's own KRaft broker and controller code, started inside the test JVM. */
    EMBEDDED("Apache Kafka in this JVM, no Docker needed"),
    /** The official apache/kafka image, started by Testcontainers. */
    CONTAINERS("the apache/kafka image through Testcontainers, needs Docker"),
    /** A cluster someone else started, reached at {@code -Dlab.bootstrap=host:port}. */
    EXTERNAL("a cluster you started, at -Dlab.bootstrap=host:port");

    public static final String PROPERTY = "lab.broker";
    public static final String BOOTSTRAP_PROPERTY = "lab.bootstrap";

    private final String description;

    BrokerSource(String description) {
        this.description = description;
    }

    /** The source named by {@code -Dlab.broker}, or {@link #EMBEDDED} when it is not set. */
    public static BrokerSource fromSystemProperties() {
        return parse(System.getProperty(PROPERTY));
    }

    public static BrokerSource parse(String value) {
        if (value == null || value.isBlank()) {
            return EMBEDDED;
        }
        return Arrays.stream(values())
                .filter(source -> source.propertyValue().equals(value.trim().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new LabSetupException(
                        "-D" + PROPERTY + "=" + value + " is not a broker source. Use one of:\n" + choices()));
    }

    /** The value to pass to {@code -Dlab.broker}. */
    public String propertyValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every source, one per line, to put in an error message. */
    public static String choices() {
        return Arrays.stream(values())
                .map(source -> "  -D" + PROPERTY + "=" + source.propertyValue() + "   (" + source.description + ")")
                .collect(Collectors.joining("\n"));
    }

    /** The other sources, to suggest when this one cannot start. */
    public String alternatives() {
        return Arrays.stream(values())
                .filter(source -> source != this)
                .map(source -> "  -D" + PROPERTY + "=" + source.propertyValue() + "   (" + source.description + ")")
                .collect(Collectors.joining("\n"));
    }
}
