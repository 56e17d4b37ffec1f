package lab.kit.broker;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
    @DisplayName("containers whose image cannot be pulled, for one broker and for three")
    void containersWithoutImage() {
        assumeTrue(DockerClientFactory.instance().isDockerAvailable(), "no Docker engine here: covered above");
        System.setProperty(ContainerCluster.IMAGE_PROPERTY, "localhost/kafka-lab-no-such-image:0");
        try {
            for (int brokers : new int[] {1, 3}) {
                assertThatThrownBy(() -> Clusters.start(BrokerSource.CONTAINERS, brokers, null).close())
                        .isInstanceOf(LabSetupException.class)
                        .hasMessageContaining("localhost/kafka-lab-no-such-image:0")
                        .hasMessageContaining("did not start")
                        .hasMessageContaining("-Dlab.broker=embedded");
            }
        } finally {
            System.clearProperty(ContainerCluster.IMAGE_PROPERTY);
        }
    }

    private static int portNobodyListensOn() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
