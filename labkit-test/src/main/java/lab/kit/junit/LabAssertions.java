package lab.kit.junit;

import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Assertions AssertJ does not phrase well for learners. {@code assertThatThrownBy(call).as("...")} never
 * shows its description when the call throws nothing (the learner reads only "Expecting code to raise a
 * throwable."); {@link #assertFails} says what was expected, in the test's words.
 *
 * <pre>{@code
 * assertFails("a keyless order must be refused", () -> partitioner.partition(...))
 *         .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key");
 * }</pre>
 */
public final class LabAssertions {

    private LabAssertions() {
    }

    /** Runs {@code call}, fails with {@code description} when it returns normally, and asserts on what it threw. */
    public static AbstractThrowableAssert<?, ? extends Throwable> assertFails(String description, ThrowingCallable call) {
        var thrown = catchThrowable(call);
        if (thrown == null) {
            throw new AssertionError("[" + description + "] expected an exception, but the call returned normally");
        }
        return assertThat(thrown).as(description);
    }
}
