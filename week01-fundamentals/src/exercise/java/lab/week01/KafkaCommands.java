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
        // TODO 1.6: the kafka-topics arguments that create the topic. Try them on ./lab broker first.
        return new String[] {"--bootstrap-server", bootstrapServers};
    }

    /** kafka-topics: describe {@code topic} (partitions, leaders, replicas, ISR). */
    public static String[] describeTopic(String bootstrapServers, String topic) {
        // TODO 1.6: the kafka-topics arguments that describe the topic.
        return new String[] {"--bootstrap-server", bootstrapServers};
    }

    /** kafka-console-producer: send each input line "key:value" as a record with that key and value. */
    public static String[] produceKeyedLines(String bootstrapServers, String topic) {
        // TODO 1.6: the kafka-console-producer arguments, telling it to split each line into key and value.
        return new String[] {"--bootstrap-server", bootstrapServers, "--topic", topic};
    }

    /** kafka-console-consumer: print {@code max} records from the beginning as "key<TAB>value", then exit. */
    public static String[] consumeFromBeginning(String bootstrapServers, String topic, int max) {
        // TODO 1.6: the kafka-console-consumer arguments: the topic, from the beginning, at most max
        //           records, with keys.
        return new String[] {"--bootstrap-server", bootstrapServers};
    }
}
