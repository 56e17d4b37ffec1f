package lab.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import lab.kit.broker.EmbeddedCluster;
import lab.kit.broker.LabSetupException;

/**
 * {@code ./lab broker}: a Kafka broker to play with, on localhost:9092, without Docker. It is Apache
 * Kafka's own KRaft broker in this JVM, reachable by any Kafka client on this machine (Kafka's CLI
 * tools, kcat, clients in other languages). It runs until Ctrl-C, and its data goes with it.
 */
public final class LocalBroker {

    public static final int DEFAULT_PORT = 9092;

    private LocalBroker() {
    }

    /** Runs the broker on {@code port} until the JVM is stopped (Ctrl-C); 1 when it cannot start. */
    public static int run(int port) throws InterruptedException {
        try {
            requireFree(port);
        } catch (LabSetupException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        System.out.println("Starting Kafka " + lab.kit.broker.ContainerCluster.kafkaVersion()
                + " (embedded KRaft broker, no Docker) ...");
        var cluster = EmbeddedCluster.start(1, listenerOn(port));
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the broker ...");
            cluster.close();
            stopped.countDown();
        }, "lab-broker-shutdown"));
        printWelcome(port);
        stopped.await();
        return 0;
    }

    /** A plaintext listener, LOCAL, on the fixed port, beside the kit's own listeners on ephemeral ports. */
    static Map<String, String> listenerOn(int port) {
        return Map.of(
                "listeners", "EXTERNAL://localhost:0,CONTROLLER://localhost:0,LOCAL://localhost:" + port,
                "listener.security.protocol.map", "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT,LOCAL:PLAINTEXT");
    }

    /** Fails with what to do when another process (often another broker) already listens on {@code port}. */
    static void requireFree(int port) {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("localhost", port));
        } catch (IOException e) {
            throw new LabSetupException("Port " + port + " is already in use on localhost, so the broker cannot"
                    + " listen there. Is another broker running (another ./lab broker, or docker compose)?\n"
                    + "Stop it, or start this one on another port: ./lab broker --port " + (port + 1));
        }
    }

    private static void printWelcome(int port) {
        var bootstrap = "localhost:" + port;
        System.out.println("""

                Kafka is up.   bootstrap servers: %1$s

                  Try, in another terminal:
                    ./lab tool kafka-topics --bootstrap-server %1$s --create --topic orders --partitions 3
                    ./lab tool kafka-console-producer --bootstrap-server %1$s --topic orders
                    ./lab tool kafka-console-consumer --bootstrap-server %1$s --topic orders --from-beginning
                  Tests against it: ./mvnw test -pl week01-fundamentals -am -Dlab.broker=external -Dlab.bootstrap=%1$s
                  Broker logs: target/kafka-lab.log

                Ctrl-C stops the broker (and deletes its data).""".formatted(bootstrap));
    }
}
