package lab.kit.junit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

@DisplayName("When the chosen source cannot start")
class SetupFailureTest {

    @AfterEach
    void restoreSource() {
        System.clearProperty("lab.broker");
    }

    @Test
    @DisplayName("every test that needs Kafka fails at once with the reason, none is skipped")
    void testsFailWithTheReason() {
        System.setProperty("lab.broker", "kubernetes");

        var tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(NeedsKafka.class)).execute().testEvents();

        assertThat(tests.skipped().count()).isZero();
        assertThat(tests.succeeded().count()).isZero();
        tests.assertThatEvents().haveExactly(2, finishedWithFailure(
                message(text -> text.contains("-Dlab.broker=kubernetes is not a broker source")
                        && text.contains("-Dlab.broker=embedded"))));
    }

    /** Run only through the engine test kit above (it is nested, so Surefire does not pick it up). */
    @WithKafka
    static class NeedsKafka {

        @Test
        void first(KafkaLab kafka) {
            assertThat(kafka).isNotNull();
        }

        @Test
        void second(KafkaLab kafka) {
            assertThat(kafka).isNotNull();
        }
    }
}
