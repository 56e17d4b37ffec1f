package lab.kit.broker;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

@DisplayName("A source that cannot be had fails at once, saying why and what to use instead")
class UnavailableSourcesTest {

    @Test
    @DisplayName("external without -Dlab.bootstrap")
    void externalWithoutBootstrap() {
        assertThatThrownBy(() -> Clusters.start(BrokerSource.EXTERNAL, 1, null))
                .isInstanceOf(LabSetupException.class)
                .hasMessageContaining("add -Dlab.bootstrap=host:port")
                .hasMessageContaining("-Dlab.broker=embedded")
                .hasMessageContaining("-Dlab.broker=containers");
    }

    @Test
    @DisplayName("external at an address where no broker listens")
    void externalUnreachable() throws IOException {
        var address = "localhost:" + portNobodyListensOn();

        assertThatThrownBy(() -> Clusters.start(BrokerSource.EXTERNAL, 1, address))
                .isInstanceOf(LabSetupException.class)
                .hasMessageContaining("No Kafka answered at -Dlab.bootstrap=" + address)
                .hasMessageContaining("-Dlab.broker=embedded");
    }

    @Test
    @DisplayName("containers where no Docker engine runs")
    void containersWithoutDocker() {
        assumeFalse(DockerClientFactory.instance().isDockerAvailable(), "Docker runs here: nothing to fail");

        assertThatThrownBy(() -> Clusters.start(BrokerSource.CONTAINERS, 1, null))
                .isInstanceOf(LabSetupException.class)
                .hasMessageContaining("needs a running Docker engine")
                .hasMessageContaining("-Dlab.broker=embedded")
                .hasMessageContaining("-Dlab.broker=external");
    }

    @Test
    @DisplayName("containers asked for three brokers")
    void containersThreeBrokers() {
        assertThatThrownBy(() -> Clusters.start(BrokerSource.CONTAINERS, 3, null))
                .isInstanceOf(LabSetupException.class)
                .hasMessageContaining("runs a single broker; this test needs 3");
    }

    private static int portNobodyListensOn() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
