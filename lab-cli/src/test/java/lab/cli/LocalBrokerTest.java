package lab.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import lab.kit.broker.EmbeddedCluster;
import lab.kit.broker.LabSetupException;
import lab.kit.process.KafkaCli;
import lab.kit.process.KafkaCli.Tool;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("./lab broker")
class LocalBrokerTest {

    @Test
    @DisplayName("refuses a port in use, saying what to do")
    void portInUse() throws IOException {
        try (var taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("localhost", 0));
            var port = taken.getLocalPort();

            assertThatThrownBy(() -> LocalBroker.requireFree(port))
                    .isInstanceOf(LabSetupException.class)
                    .hasMessageContaining("Port " + port + " is already in use")
                    .hasMessageContaining("./lab broker --port " + (port + 1));
        }
    }

    @Test
    @DisplayName("listens on its fixed port, where Kafka's own CLI tools reach it")
    void reachableByKafkaCliOnFixedPort() throws IOException {
        var port = freePort();
        var bootstrap = "localhost:" + port;

        try (var broker = EmbeddedCluster.start(1, LocalBroker.listenerOn(port))) {
            var create = KafkaCli.run(Tool.TOPICS, "--bootstrap-server", bootstrap, "--create", "--topic", "play",
                    "--partitions", "2");
            var list = KafkaCli.run(Tool.TOPICS, "--bootstrap-server", bootstrap, "--list");

            assertThat(create.exitCode()).as(create.output()).isZero();
            assertThat(list.output()).as("kafka-topics --list on " + bootstrap).contains("play");
        }
    }

    @Test
    @DisplayName("./lab tool names an unknown tool and lists the known ones")
    void unknownTool() {
        var result = KafkaCli.run(Tool.TOPICS, "--no-such-option");

        assertThat(result.exitCode()).isNotZero();
        assertThatThrownBy(() -> Tool.named("kafka-topix")).hasMessageContaining("Unknown tool 'kafka-topix'")
                .hasMessageContaining("kafka-console-consumer");
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
