package lab.kit.process;

/**
 * The entry point of a Kafka node run as a child process of a test JVM: Apache Kafka's own
 * {@code kafka.Kafka}, plus a {@link ParentWatch} that ends the node when its parent is gone (an orphaned
 * broker holds ports and 400 MB until someone finds it).
 */
public final class KafkaNodeMain {

    private KafkaNodeMain() {
    }

    private static volatile boolean shuttingDown;

    public static void main(String[] args) throws Exception {
        // A node told to stop (SIGTERM) runs Kafka's controlled shutdown; the watches must not cut it short.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shuttingDown = true, "lab-shutdown-flag"));
        ParentWatch.start("this Kafka node", () -> shuttingDown);
        kafka.Kafka.main(args);
    }
}
