package lab.kit.junit;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("A service loop on its own thread, watched by the test")
class BackgroundTest {

    @Test
    @DisplayName("a wait fails with the thread's own error when the thread has died, instead of timing out")
    void deadThreadFailsTheWait() throws Exception {
        var loop = Background.start("dying-loop", () -> {
            throw new UnsupportedOperationException("Exercise 9.9 not done yet");
        });
        loop.ended(Duration.ofSeconds(5));

        assertThatThrownBy(() -> loop.awaitUntil("something that never happens", () -> false))
                .hasRootCauseInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("The dying-loop thread died")
                .hasMessageContaining("Exercise 9.9 not done yet");
        assertThat(loop.failure()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("a healthy thread: the wait returns when the condition holds, and the thread ends cleanly")
    void healthyThread() throws Exception {
        var started = new CountDownLatch(1);
        var loop = Background.start("healthy-loop", started::countDown);

        loop.awaitUntil("the loop to run", () -> started.getCount() == 0);

        assertThat(loop.ended(Duration.ofSeconds(5))).as("ended").isTrue();
        assertThat(loop.failure()).as("failure of a loop that returned").isNull();
    }

    @Test
    @DisplayName("an asserting wait also fails at once with a dead thread's error, and returns once its assertion passes")
    void assertingWait() throws Exception {
        var dead = Background.start("dead-loop", () -> {
            throw new IllegalStateException("broker unreachable");
        });
        dead.ended(Duration.ofSeconds(5));
        var started = new CountDownLatch(1);
        var healthy = Background.start("healthy-loop", started::countDown);

        assertThatThrownBy(() -> dead.awaitAsserted("something", () -> assertThat(true).isFalse()))
                .hasMessageContaining("The dead-loop thread died").hasMessageContaining("broker unreachable");
        healthy.awaitAsserted("the loop to run", () -> assertThat(started.getCount()).as("latch").isZero());
    }
}
