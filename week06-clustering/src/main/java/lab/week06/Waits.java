package lab.week06;

import java.time.Duration;

/**
 * Waiting for a condition, the way an operations script does: check, pause, check again, and give up
 * with a clear message after a deadline instead of waiting forever.
 */
public final class Waits {

    private static final Duration PAUSE = Duration.ofMillis(200);

    /** A check that may ask the cluster, and so may fail. */
    @FunctionalInterface
    public interface Check {
        boolean holds() throws Exception;
    }

    private Waits() {
    }

    /** Returns once {@code check} holds; throws {@link IllegalStateException} naming {@code what} after {@code timeout}. */
    public static void until(String what, Duration timeout, Check check) {
        var deadline = System.nanoTime() + timeout.toNanos();
        Exception lastFailure = null;
        while (System.nanoTime() < deadline) {
            try {
                if (check.holds()) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what, e);
            } catch (Exception e) {
                lastFailure = e; // a node that is restarting may not answer yet: ask again
            }
            pause();
        }
        throw new IllegalStateException("Gave up after " + timeout.toSeconds() + " s waiting for " + what, lastFailure);
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
