package lab.week02;

import lab.kit.faults.LostAck;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One record is sent while the network loses the broker's acknowledgement (the kit's FaultyLink sits
 * between producer and broker); the producer times out after 1.5 s and retries.
 */
@Tag("ex2.10")
@DisplayName("2.10 A producer retry after a lost acknowledgement")
class ProducerSettingsTest {

    @Test
    @DisplayName("at least once: the retry stores a second copy")
    void atLeastOnceDuplicates() throws Exception {
        var settings = ProducerSettings.atLeastOnce();

        var copies = LostAck.copiesStored(settings);

        assertThat(settings).as("settings: acks from all in-sync replicas").containsEntry(ProducerConfig.ACKS_CONFIG, "all");
        assertThat(copies).as("copies of the record stored after its ack was lost: is idempotence off?").isEqualTo(2);
    }

    @Test
    @DisplayName("idempotent: the broker recognises the retry and stores one copy")
    void idempotentStoresOnce() throws Exception {
        var settings = ProducerSettings.idempotent();

        var copies = LostAck.copiesStored(settings);

        assertThat(settings).as("settings: idempotence asked for explicitly")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        assertThat(copies).as("copies of the record stored after its ack was lost").isEqualTo(1);
    }
}
