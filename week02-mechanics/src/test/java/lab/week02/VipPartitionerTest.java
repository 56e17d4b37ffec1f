package lab.week02;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static lab.kit.junit.LabAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

@WithKafka
@Tag("ex2.2")
@DisplayName("2.2 A custom partitioner for VIP customers")
class VipPartitionerTest {

    private static final int PARTITIONS = 4;

    @Test
    @DisplayName("every VIP order lands on partition 0")
    void vipOrdersOnPartitionZero(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", PARTITIONS);
        var producer = vipProducer(kafka);

        var partitions = new HashSet<Integer>();
        for (var customer : List.of("vip-anna", "vip-budi", "vip-chen", "vip-dara")) {
            partitions.add(producer.send(new ProducerRecord<>(topic, customer, "order")).get().partition());
        }

        assertThat(partitions).as("partitions of VIP orders").containsExactly(VipPartitioner.VIP_PARTITION);
    }

    @Test
    @DisplayName("other customers never get partition 0, spread over the rest, each on one partition")
    void othersSpreadOverTheRest(KafkaLab kafka) throws Exception {
        var topic = kafka.createTopic("orders", PARTITIONS);
        var producer = vipProducer(kafka);
        var partitionsPerCustomer = new HashMap<String, Set<Integer>>();

        for (int round = 0; round < 3; round++) {
            for (int c = 0; c < 12; c++) {
                var customer = "customer-" + c;
                var partition = producer.send(new ProducerRecord<>(topic, customer, "order")).get().partition();
                partitionsPerCustomer.computeIfAbsent(customer, k -> new HashSet<>()).add(partition);
            }
        }

        var used = partitionsPerCustomer.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        assertThat(used).as("partitions used by non-VIP customers").doesNotContain(VipPartitioner.VIP_PARTITION);
        assertThat(used).as("12 customers should spread over partitions 1..3, not share one").hasSizeGreaterThan(1);
        assertThat(partitionsPerCustomer).as("partitions per customer: each customer's orders must stay together")
                .allSatisfy((customer, partitions) -> assertThat(partitions).hasSize(1));
    }

    @Test
    @DisplayName("an order without a customer key is refused, saying why")
    void keylessRefused(KafkaLab kafka) {
        var topic = kafka.createTopic("orders", PARTITIONS);
        var producer = vipProducer(kafka);

        assertFails("a keyless order must be refused", () -> producer.send(new ProducerRecord<>(topic, null, "order")).get())
                .satisfies(failure -> assertThat(rootCause(failure))
                        .as("the reason a keyless order was refused (a NullPointerException is an accident, not a reason)")
                        .isNotInstanceOf(UnsupportedOperationException.class)
                        .isNotInstanceOf(NullPointerException.class)
                        .hasMessageContainingAll("key"))
                .as("how send() refused it: a failed future (the partitioner threw an ApiException), not a throw")
                .isInstanceOf(ExecutionException.class);
    }

    private static Throwable rootCause(Throwable failure) {
        var cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static KafkaProducer<String, String> vipProducer(KafkaLab kafka) {
        var config = kafka.producerConfig();
        config.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, VipPartitioner.class);
        return kafka.closeAfterTest(new KafkaProducer<>(config));
    }
}
