package lab.kit.broker;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The external source, pointed at the embedded cluster this test JVM already runs. */
@WithKafka
@DisplayName("-Dlab.broker=external")
class ExternalClusterTest {

    @Test
    @DisplayName("connects to a running cluster and finds its brokers")
    void connects(KafkaLab kafka) {
        try (var external = Clusters.start(BrokerSource.EXTERNAL, 1, kafka.bootstrapServers())) {
            assertThat(external.brokerIds()).isEqualTo(kafka.brokerIds());
            assertThat(external.describe()).contains("external at " + kafka.bootstrapServers());
        }
    }

    @Test
    @DisplayName("refuses a cluster smaller than the test needs")
    void tooSmall(KafkaLab kafka) {
        assertThatThrownBy(() -> Clusters.start(BrokerSource.EXTERNAL, 3, kafka.bootstrapServers()))
                .isInstanceOf(LabSetupException.class)
                .hasMessageContaining("needs a cluster of 3 brokers")
                .hasMessageContaining("-Dlab.broker=embedded");
    }

    @Test
    @DisplayName("cannot stop a broker it does not own, and says where to run such a test")
    void cannotStopBrokers(KafkaLab kafka) {
        try (var external = Clusters.start(BrokerSource.EXTERNAL, 1, kafka.bootstrapServers())) {
            assertThatThrownBy(() -> external.stopBroker(1))
                    .isInstanceOf(LabSetupException.class)
                    .hasMessageContaining("cannot stop brokers")
                    .hasMessageContaining("-Dlab.broker=embedded");
        }
    }
}
