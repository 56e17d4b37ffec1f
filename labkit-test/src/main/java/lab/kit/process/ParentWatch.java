package lab.kit.process;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.BooleanSupplier;

/**
 * Ends a child JVM of a test JVM once its parent is gone. A test JVM that dies (kill -9, a crash, Ctrl-C in
 * an IDE) cannot stop its children, and an orphan holds ports and memory until someone finds it. The parent
 * keeps the child's stdin open and never writes to it: when the parent dies, the pipe closes and a read
 * returns end-of-file. A second check compares the parent's pid, for launchers that do not keep the pipe.
 */
public final class ParentWatch {

    private ParentWatch() {
    }

    /**
     * Starts both watches. {@code stoppingInOrder}: true while the child already shuts down on its own (a
     * SIGTERM), which a watch must not cut short; {@code what} names the child in its last words.
     */
    public static void start(String what, BooleanSupplier stoppingInOrder) {
        var parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
        var stdin = new Thread(() -> {
            awaitEndOfInput(System.in);
            pause(); // a parent that stops this child may close the pipe as it signals: let the signal land first
            halt(what, "its parent closed the pipe (the test JVM ended)", stoppingInOrder);
        }, "lab-parent-pipe-watch");
        var pid = new Thread(() -> {
            while (ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L).equals(parent)) {
                pause();
            }
            halt(what, "its parent process " + parent + " is gone", stoppingInOrder);
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

    /** Halt, not exit: a shutdown hook of a child whose parent is gone can block for minutes. */
    private static void halt(String what, String why, BooleanSupplier stoppingInOrder) {
        if (stoppingInOrder.getAsBoolean()) {
            return; // already stopping in order
        }
        System.err.println("lab: stopping " + what + " at once: " + why);
        Runtime.getRuntime().halt(3);
    }
}
