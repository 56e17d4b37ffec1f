package lab.week02;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@WithKafka
@Tag("ex2.1")
@DisplayName("2.1 Key-based partitioning")
class KeyPartitioningTest {

    private static final List<String> CUSTOMERS = List.of("customer-1", "customer-2", "customer-3", "customer-42",
            "customer-77", "customer-100", "customer-123", "customer-999", "ülkü", "客户-8");

    @Test
    @DisplayName("the predicted partition is the one the producer chose")
    void predictionMatchesProducer(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 6);

        var chosen = sendOnePerCustomer(kafka, topic);

        chosen.forEach((customer, partition) -> assertThat(KeyPartitioning.partitionFor(customer, 6))
                .as("partition predicted for key '%s' on 6 partitions (the producer chose %d)", customer, partition)
                .isEqualTo(partition));
    }

    @Test
    @DisplayName("adding partitions moves keys, and the prediction follows")
    void addingPartitionsMovesKeys(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", 3);
        var before = sendOnePerCustomer(kafka, topic);
        kafka.admin().createPartitions(Map.of(topic, NewPartitions.increaseTo(6))).all().get();
        kafka.awaitTopicReady(topic);

        var after = sendOnePerCustomer(kafka, topic);

        before.forEach((customer, partition) -> assertThat(KeyPartitioning.partitionFor(customer, 3))
                .as("partition predicted for key '%s' on 3 partitions (the producer chose %d; is the partition count "
                        + "the argument's?)", customer, partition).isEqualTo(partition));
        after.forEach((customer, partition) -> assertThat(KeyPartitioning.partitionFor(customer, 6))
                .as("partition predicted for key '%s' after growing to 6 partitions", customer).isEqualTo(partition));
        assertThat(CUSTOMERS).as("keys whose partition changed when the topic grew from 3 to 6 partitions")
                .anyMatch(customer -> !before.get(customer).equals(after.get(customer)));
    }

    /** Sends one record per customer, waits for each, and returns the partition each landed on. */
    private static Map<String, Integer> sendOnePerCustomer(KafkaLab kafka, String topic) throws Exception {
        var producer = kafka.newProducer();
        // The producer learns of new partitions on its next metadata refresh; a fresh one knows at once.
        var partitions = new LinkedHashMap<String, Integer>();
        for (var customer : CUSTOMERS) {
            partitions.put(customer, producer.send(new ProducerRecord<>(topic, customer, "order")).get().partition());
        }
        return partitions;
    }
}
