package lab.kit.broker;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("-Dlab.broker selects where Kafka comes from")
class BrokerSourceTest {

    @Test
    @DisplayName("embedded when the property is not set")
    void defaultsToEmbedded() {
        assertThat(BrokerSource.parse(null)).isEqualTo(BrokerSource.EMBEDDED);
        assertThat(BrokerSource.parse(" ")).isEqualTo(BrokerSource.EMBEDDED);
    }

    @Test
    @DisplayName("each source by its name, in any case")
    void parsesEachSource() {
        assertThat(BrokerSource.parse("embedded")).isEqualTo(BrokerSource.EMBEDDED);
        assertThat(BrokerSource.parse("Containers")).isEqualTo(BrokerSource.CONTAINERS);
        assertThat(BrokerSource.parse("EXTERNAL")).isEqualTo(BrokerSource.EXTERNAL);
    }

    @Test
    @DisplayName("an unknown name fails listing the three choices")
    void unknownSourceListsChoices() {
        assertThatThrownBy(() -> BrokerSource.parse("docker"))
                .isInstanceOf(LabSetupException.class)
                .hasMessageContaining("-Dlab.broker=docker is not a broker source")
                .hasMessageContaining("-Dlab.broker=embedded")
                .hasMessageContaining("-Dlab.broker=containers")
                .hasMessageContaining("-Dlab.broker=external");
    }
}
