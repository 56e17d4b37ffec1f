package lab.week01;

/**
 * Exercise 1.6: Kafka's own command-line tools. Every Kafka installation has them in {@code bin/}, and
 * operators reach for them first; the lab runs the same tools with {@code ./lab tool <name> ...}.
 * Each method returns the arguments you would type after the tool's name.
 *
 * <pre>{@code
 * ./lab tool kafka-topics --bootstrap-server localhost:9092 --list
 * }</pre>
 */
public final class KafkaCommands {

    private KafkaCommands() {
    }

    /** kafka-topics: create {@code topic} with {@code partitions} partitions. */
    public static String[] createTopic(String bootstrapServers, String topic, int partitions) {
        return new String[] {"--bootstrap-server", bootstrapServers, "--create", "--topic", topic,
            "--partitions", String.valueOf(partitions)};
    }

    /** kafka-topics: describe {@code topic} (partitions, leaders, replicas, ISR). */
    public static String[] describeTopic(String bootstrapServers, String topic) {
        return new String[] {"--bootstrap-server", bootstrapServers, "--describe", "--topic", topic};
    }

    /** kafka-console-producer: send each input line "key:value" as a record with that key and value. */
    public static String[] produceKeyedLines(String bootstrapServers, String topic) {
        // Without parse.key the whole line would be the value, and every record would have a null key.
        return new String[] {"--bootstrap-server", bootstrapServers, "--topic", topic,
            "--reader-property", "parse.key=true", "--reader-property", "key.separator=:"};
    }

    /** kafka-console-consumer: print {@code max} records from the beginning as "key<TAB>value", then exit. */
    public static String[] consumeFromBeginning(String bootstrapServers, String topic, int max) {
        // --max-messages makes the tool exit instead of waiting for more records forever.
        return new String[] {"--bootstrap-server", bootstrapServers, "--topic", topic, "--from-beginning",
            "--max-messages", String.valueOf(max), "--formatter-property", "print.key=true"};
    }
}
