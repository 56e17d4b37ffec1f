package lab.kit.faults;

import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A faulty link that loses an acknowledgement")
class FaultyLinkTest {

    @Test
    @DisplayName("makes a producer without idempotence store the record twice")
    void duplicatesWithoutIdempotence() throws Exception {
        var copies = LostAck.copiesStored(Map.of(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.ACKS_CONFIG, "all"));

        assertThat(copies).as("copies stored after one send whose ack was lost").isEqualTo(2);
    }

    @Test
    @DisplayName("leaves an idempotent producer's record stored once")
    void onceWithIdempotence() throws Exception {
        var copies = LostAck.copiesStored(Map.of(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"));

        assertThat(copies).as("copies stored after one idempotent send whose ack was lost").isEqualTo(1);
    }
}
