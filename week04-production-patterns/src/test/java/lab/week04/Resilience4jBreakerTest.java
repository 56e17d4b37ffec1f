package lab.week04;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreaker.StateTransition;
import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static lab.week04.BreakerScenario.OPEN_FOR;
import static lab.week04.BreakerScenario.THRESHOLD;
import static org.assertj.core.api.Assertions.assertThat;

@WithKafka
@Tag("ex4.6")
@DisplayName("4.6 The circuit breaker from Resilience4j")
class Resilience4jBreakerTest {

    private final ManualClock clock = new ManualClock();

    @Test
    @DisplayName("configured like 4.5: open after 3 failed calls of 3, one trial after openFor, closed by its success")
    void behavesLikeYourOwn() {
        var breaker = new Resilience4jBreaker("payments", THRESHOLD, OPEN_FOR, clock);
        var transitions = recordTransitions(breaker);

        for (var i = 0; i < THRESHOLD; i++) {
            assertThat(breaker.allowsCall()).as("allowsCall() before failure %d", i + 1).isTrue();
            breaker.onFailure(new IllegalStateException("503"));
        }
        var whileOpen = breaker.allowsCall();
        clock.advance(OPEN_FOR.plusMillis(1)); // Resilience4j waits until strictly after waitDurationInOpenState
        var trial = breaker.allowsCall();
        var secondTrial = breaker.allowsCall();
        breaker.onSuccess();

        assertThat(whileOpen).as("allowsCall() right after %d failures (is the window %d calls, threshold 100%%?)",
                THRESHOLD, THRESHOLD).isFalse();
        assertThat(trial).as("allowsCall() once openFor has passed (waitDurationInOpenState, and the clock?)").isTrue();
        assertThat(secondTrial).as("allowsCall() while the one trial is out (permittedNumberOfCallsInHalfOpenState)")
                .isFalse();
        assertThat(transitions).as("state transitions Resilience4j published").containsExactly(
                StateTransition.CLOSED_TO_OPEN, StateTransition.OPEN_TO_HALF_OPEN, StateTransition.HALF_OPEN_TO_CLOSED);
        assertThat(breaker.state()).as("state() after the successful trial").isEqualTo(Breaker.State.CLOSED);
    }

    @Test
    @DisplayName("two failures of three calls do not open it")
    void toleratesScatteredFailures() {
        var breaker = new Resilience4jBreaker("payments", THRESHOLD, OPEN_FOR, clock);

        breaker.allowsCall();
        breaker.onFailure(new IllegalStateException("503"));
        breaker.allowsCall();
        breaker.onSuccess();
        breaker.allowsCall();
        breaker.onFailure(new IllegalStateException("503"));

        assertThat(breaker.state()).as("state after failure, success, failure (only a 100% failure rate opens it)")
                .isEqualTo(Breaker.State.CLOSED);
    }

    @Test
    @DisplayName("on the broker: the same consumer, the same guarantees, with Resilience4j inside")
    void guardsAConsumer(KafkaLab kafka) throws Exception {
        BreakerScenario.run(kafka, new Resilience4jBreaker("payments", THRESHOLD, OPEN_FOR, Clock.systemUTC()));
    }

    private static List<StateTransition> recordTransitions(Resilience4jBreaker breaker) {
        var transitions = new ArrayList<StateTransition>();
        breaker.circuitBreaker().getEventPublisher().onStateTransition(event -> transitions.add(event.getStateTransition()));
        return transitions;
    }
}
