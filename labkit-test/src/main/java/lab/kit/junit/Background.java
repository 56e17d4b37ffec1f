package lab.kit.junit;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.core.ThrowingRunnable;

/**
 * A service's loop (a consumer, a whole service) running on its own thread, as in production, watched
 * by the test: if the thread dies, the next wait fails at once with the thread's error instead of
 * timing out without a reason.
 *
 * <pre>{@code
 * var service = Background.start("reservation-service", reservations);
 * service.awaitUntil("5 orders handled", () -> handled.size() == 5);
 * reservations.shutdown();
 * assertThat(service.ended(Duration.ofSeconds(10))).isTrue();
 * }</pre>
 */
public final class Background {

    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private Background(String name, Runnable loop) {
        thread = new Thread(loop, name);
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((dead, error) -> failure.set(error));
    }

    public static Background start(String name, Runnable loop) {
        var background = new Background(name, loop);
        background.thread.start();
        return background;
    }

    /** Waits (up to {@link LabAwait#TIMEOUT}) for {@code condition}; fails at once if the thread has died. */
    public void awaitUntil(String what, Callable<Boolean> condition) {
        LabAwait.until(what).until(() -> {
            var error = failure.get();
            if (error != null) {
                throw new IllegalStateException("The " + thread.getName() + " thread died: " + error, error);
            }
            return condition.call();
        });
    }

    /**
     * Waits (up to {@link LabAwait#TIMEOUT}) until {@code assertion} passes; fails at once if the thread has
     * died. A timeout fails with the assertion's last message, so it shows what was there at the end.
     */
    public void awaitAsserted(String what, ThrowingRunnable assertion) {
        LabAwait.until(what).untilAsserted(() -> {
            var error = failure.get();
            if (error != null) {
                throw new IllegalStateException("The " + thread.getName() + " thread died: " + error, error);
            }
            assertion.run();
        });
    }

    /** Waits up to {@code bound} for the thread to end; true when it has. {@code Duration.ZERO} only looks. */
    public boolean ended(Duration bound) throws InterruptedException {
        if (bound.toMillis() > 0) { // join(0) would wait forever
            thread.join(bound.toMillis());
        }
        return !thread.isAlive();
    }

    /** What the thread died of, or null while it runs or when it ended normally. */
    public Throwable failure() {
        return failure.get();
    }
}
