package lab.kit.process;

import java.io.IOException;
import java.io.InputStream;

/**
 * The entry point of a Kafka node run as a child process of a test JVM: Apache Kafka's own
 * {@code kafka.Kafka}, plus a watch that ends the node when its parent is gone.
 *
 * <p>A test JVM that dies (kill -9, a crash, Ctrl-C in an IDE) cannot stop its children, and an orphaned
 * broker holds ports and 400 MB until someone finds it. The parent keeps this process's stdin open and
 * never writes to it: when the parent dies, the pipe closes and the read below returns end-of-file.
 * A second check compares the parent's pid, for launchers that do not keep the pipe.
 */
public final class KafkaNodeMain {

    private KafkaNodeMain() {
    }

    private static volatile boolean shuttingDown;

    public static void main(String[] args) throws Exception {
        // A node told to stop (SIGTERM) runs Kafka's controlled shutdown; the watches must not cut it short.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shuttingDown = true, "lab-shutdown-flag"));
        watchParent();
        kafka.Kafka.main(args);
    }

    private static void watchParent() {
        var parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
        var stdin = new Thread(() -> {
            awaitEndOfInput(System.in);
            pause(); // a parent that stops this node may close the pipe as it signals: let the signal land first
            halt("its parent closed the pipe (the test JVM ended)");
        }, "lab-parent-pipe-watch");
        var pid = new Thread(() -> {
            while (ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L).equals(parent)) {
                pause();
            }
            halt("its parent process " + parent + " is gone");
        }, "lab-parent-pid-watch");
        for (var watch : new Thread[] {stdin, pid}) {
            watch.setDaemon(true);
            watch.start();
        }
    }

    private static void awaitEndOfInput(InputStream in) {
        try {
            while (in.read() >= 0) {
                // The parent writes nothing; anything read is ignored.
            }
        } catch (IOException e) {
            // A broken pipe means the same as end-of-file: the parent is gone.
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Halt, not exit: a shutdown hook of a broker whose cluster is gone can block for minutes. */
    private static void halt(String why) {
        if (shuttingDown) {
            return; // already stopping in order
        }
        System.err.println("lab: stopping this Kafka node at once: " + why);
        Runtime.getRuntime().halt(3);
    }
}
