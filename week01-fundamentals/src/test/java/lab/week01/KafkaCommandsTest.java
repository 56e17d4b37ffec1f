package lab.week01;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import lab.kit.process.KafkaCli;
import lab.kit.process.KafkaCli.Tool;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs Kafka's real command-line tools, each in its own JVM as its script would, against the lab broker. */
@WithKafka
@Tag("ex1.6")
@DisplayName("1.6 Kafka's command-line tools")
class KafkaCommandsTest {

    /** Makes the console consumer give up after 10 s without records, so a wrong command cannot hang. */
    private static final String[] CONSUMER_SAFETY_NET = {"--timeout-ms", "10000"};

    @Test
    @DisplayName("kafka-topics creates the topic with its partitions")
    void createsTopic(KafkaLab kafka) throws Exception {
        var topic = kafka.uniqueName("order.created");

        var result = KafkaCli.run(Tool.TOPICS, KafkaCommands.createTopic(kafka.bootstrapServers(), topic, 3));

        assertSucceeded("kafka-topics", KafkaCommands.createTopic(kafka.bootstrapServers(), topic, 3), result);
        kafka.awaitTopicReady(topic);
        var created = kafka.admin().describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        assertThat(created.partitions()).as("partitions of %s", topic).hasSize(3);
    }

    @Test
    @DisplayName("kafka-topics describes the topic's partitions")
    void describesTopic(KafkaLab kafka) {
        var topic = kafka.createTopic("orders", 3);
        kafka.createTopic("payments", 1); // another topic, which the description must leave out
        var args = KafkaCommands.describeTopic(kafka.bootstrapServers(), topic);

        var result = KafkaCli.run(Tool.TOPICS, args);

        assertSucceeded("kafka-topics", args, result);
        assertThat(result.output()).as("kafka-topics %s printed", String.join(" ", args)).contains("Topic: " + topic)
                .contains("PartitionCount: 3");
        assertThat(result.output().split("PartitionCount:", -1)).as("topics described (--topic names the one; "
                + "without it every topic is described)").hasSize(2);
    }

    @Test
    @DisplayName("kafka-console-producer sends key:value lines as keyed records")
    void producesKeyedRecords(KafkaLab kafka) {
        var topic = kafka.createTopic("orders", 1);
        var args = KafkaCommands.produceKeyedLines(kafka.bootstrapServers(), topic);

        var result = KafkaCli.runWithInput(Tool.CONSOLE_PRODUCER, "o-1:order.created\no-2:order.created\n", args);

        assertSucceeded("kafka-console-producer", args, result);
        var records = kafka.readAll(topic, 2);
        assertThat(records).extracting(ConsumerRecord::key).as("keys: without parse.key the whole line is the value")
                .containsExactly("o-1", "o-2");
        assertThat(records).extracting(ConsumerRecord::value).containsOnly("order.created");
    }

    @Test
    @DisplayName("kafka-console-consumer prints earlier records with their keys, as many as asked, then exits")
    void consumesFromBeginning(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 1);
        var producer = kafka.newProducer();
        producer.send(new ProducerRecord<>(topic, "o-1", "order.created")).get();
        producer.send(new ProducerRecord<>(topic, "o-1", "payment.processed")).get();
        producer.send(new ProducerRecord<>(topic, "o-1", "order.shipped")).get(); // a third: asked for 2, it must stop at 2
        var args = KafkaCommands.consumeFromBeginning(kafka.bootstrapServers(), topic, 2);

        var result = KafkaCli.run(Tool.CONSOLE_CONSUMER, Stream.concat(Arrays.stream(args),
                Arrays.stream(CONSUMER_SAFETY_NET)).toArray(String[]::new));

        assertSucceeded("kafka-console-consumer", args, result);
        assertThat(result.output()).as("values printed: without --from-beginning a consumer starts at the end of the"
                + " topic and prints nothing that was there before").contains("order.created", "payment.processed");
        assertThat(result.output()).as("keys printed before the values, a tab between: the console consumer prints only"
                + " values unless --formatter-property print.key=true").contains("o-1\torder.created", "o-1\tpayment.processed");
        assertThat(result.output()).as("output: 2 records asked for, then exit (--max-messages; without it the tool "
                + "waits for more until the test's --timeout-ms)").contains("Processed a total of 2 messages")
                .doesNotContain("order.shipped");
    }

    private static void assertSucceeded(String tool, String[] args, KafkaCli.Result result) {
        assertThat(result.exitCode())
                .as("%s %s exited with %d and printed:%n%s", tool, String.join(" ", args), result.exitCode(), result.output())
                .isZero();
    }
}
