package lab.kit.junit;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Things slow to start, kept once per JVM")
class PerJvmTest {

    @Test
    @DisplayName("the first call starts it, later calls get the same instance")
    void startedOnce() {
        var starts = new AtomicInteger();

        var first = PerJvm.get("test.started-once", StringBuilder.class, () -> new StringBuilder("#" + starts.incrementAndGet()));
        var second = PerJvm.get("test.started-once", StringBuilder.class, () -> new StringBuilder("#" + starts.incrementAndGet()));

        assertThat(second).isSameAs(first);
        assertThat(starts).hasValue(1);
    }

    @Test
    @DisplayName("a failed start is not kept: the next call tries again")
    void failedStartIsRetried() {
        assertThatThrownBy(() -> PerJvm.get("test.retried", String.class, () -> {
            throw new IllegalStateException("port in use");
        })).hasMessage("port in use");

        assertThat(PerJvm.get("test.retried", String.class, () -> "started")).isEqualTo("started");
    }
}
