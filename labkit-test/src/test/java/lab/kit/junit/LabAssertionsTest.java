package lab.kit.junit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static lab.kit.junit.LabAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Assertions phrased for learners")
class LabAssertionsTest {

    @Test
    @DisplayName("a call that throws nothing fails with the test's description, not only 'Expecting code to raise a throwable'")
    void describesAMissingException() {
        assertThatThrownBy(() -> assertFails("a keyless order must be refused", () -> { }))
                .isInstanceOf(AssertionError.class)
                .hasMessage("[a keyless order must be refused] expected an exception, but the call returned normally");
    }

    @Test
    @DisplayName("what was thrown is asserted on with the description")
    void assertsOnWhatWasThrown() {
        assertThatThrownBy(() -> assertFails("refused with a reason", () -> {
            throw new IllegalArgumentException("no key");
        }).hasMessageContaining("a key, please"))
                .hasMessageContaining("[refused with a reason]");
    }
}
