package lab.kit.junit;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("A stand-in that lets a test watch or refuse calls")
class InterceptTest {

    @Test
    @DisplayName("calls pass through to the real object, and the test sees each one (toString is not a call)")
    @SuppressWarnings("unchecked")
    void watches() {
        var real = new ArrayList<String>();
        var seen = new ArrayList<String>();
        List<String> watched = Intercept.of(List.class, real, call -> {
            seen.add(call.method().getName() + call.args().length);
            return call.proceed();
        });

        watched.add("o-1");

        assertThat(watched.toString()).isEqualTo("[o-1]");
        assertThat(real).containsExactly("o-1");
        assertThat(watched.size()).isEqualTo(1);
        assertThat(seen).containsExactly("add1", "size0");
    }

    @Test
    @DisplayName("a refused call never reaches the real object; the real object's own exceptions come through as they are")
    @SuppressWarnings("unchecked")
    void refusesAndRethrows() {
        var real = new ArrayList<String>();
        List<String> guarded = Intercept.of(List.class, real, call -> {
            if (call.named("clear")) {
                throw new AssertionError("clear() is not allowed here");
            }
            return call.proceed();
        });

        assertThatThrownBy(guarded::clear).isInstanceOf(AssertionError.class).hasMessageContaining("not allowed");
        assertThatThrownBy(() -> guarded.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    @DisplayName("only an interface can have a stand-in")
    void interfacesOnly() {
        assertThatThrownBy(() -> Intercept.of(ArrayList.class, new ArrayList<String>(), Intercept.Call::proceed))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interface");
    }
}
