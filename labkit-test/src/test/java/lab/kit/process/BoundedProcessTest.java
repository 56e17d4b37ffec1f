package lab.kit.process;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A command run within a time bound")
class BoundedProcessTest {

    @Test
    @DisplayName("gives the exit code and the output, stdin passed in")
    void finishes() throws Exception {
        var outcome = BoundedProcess.run(List.of("sh", "-c", "cat; echo oops >&2; exit 3"), "orders\n", Duration.ofSeconds(10), true);

        assertThat(outcome).hasValueSatisfying(done -> {
            assertThat(done.exitCode()).isEqualTo(3);
            assertThat(done.output()).contains("orders").contains("oops");
        });
    }

    @Test
    @DisplayName("kills a process that outlives the bound, even one that keeps its output open")
    void hangs() throws Exception {
        var started = System.nanoTime();

        var outcome = BoundedProcess.run(List.of("sh", "-c", "echo started; sleep 30"), "", Duration.ofMillis(500), false);

        assertThat(outcome).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("time until the caller got its answer")
                .isLessThan(Duration.ofSeconds(10));
    }
}
