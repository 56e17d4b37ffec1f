package lab.kit.junit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

@WithKafka
@DisplayName("When the chosen source cannot start, or cannot serve a test")
class SetupFailureTest {

    @AfterEach
    void restoreSource() {
        System.clearProperty("lab.broker");
    }

    @Test
    @DisplayName("every test that needs Kafka fails at once, none is skipped; the first says why in full, the rest in a line")
    void testsFailWithTheReason() {
        System.setProperty("lab.broker", "kubernetes");

        var tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(NeedsKafka.class)).execute().testEvents();

        assertThat(tests.skipped().count()).isZero();
        assertThat(tests.succeeded().count()).isZero();
        tests.assertThatEvents().haveExactly(1, finishedWithFailure(
                message(text -> text.contains("-Dlab.broker=kubernetes is not a broker source")
                        && text.contains("-Dlab.broker=embedded"))));
        tests.assertThatEvents().haveExactly(1, finishedWithFailure(
                message(text -> text.startsWith("Kafka could not be had, as the first failing test of this run says in full:")
                        && text.contains("-Dlab.broker=kubernetes is not a broker source"))));
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

    @Test
    @DisplayName("a source that runs but cannot serve a lesson (3 brokers from a 1-broker cluster, a broker to stop)"
            + " skips those tests with the reason, and runs the rest")
    void testsTheSourceCannotServeAreSkipped(KafkaLab kafka) {
        System.setProperty("lab.broker", "external");
        System.setProperty("lab.bootstrap", kafka.bootstrapServers());
        try {
            var tests = EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(NeedsThreeBrokers.class), selectClass(StopsABroker.class)).execute().testEvents();

            assertThat(tests.failed().stream().map(event -> event.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                    .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).map(Throwable::toString).orElse("?")))
                    .as("failures of tests the source cannot serve (they must be skipped)").isEmpty();
            tests.assertThatEvents().haveExactly(1, abortedWithReason("needs a cluster of 3 brokers"))
                    .haveExactly(1, abortedWithReason("cannot stop brokers from a test"));
            assertThat(tests.succeeded().count()).as("the test the source can serve").isEqualTo(1);
        } finally {
            System.clearProperty("lab.bootstrap");
        }
    }

    private static org.assertj.core.api.Condition<org.junit.platform.testkit.engine.Event> abortedWithReason(String reason) {
        return org.junit.platform.testkit.engine.EventConditions.abortedWithReason(message(text -> text.contains(reason)));
    }

    @WithKafka(brokers = 3)
    static class NeedsThreeBrokers {
        @Test
        void failsOver(KafkaLab kafka) {
        }
    }

    @WithKafka
    static class StopsABroker {
        @Test
        void readsBack(KafkaLab kafka) {
        }

        @Test
        void stopsOne(KafkaLab kafka) {
            kafka.cluster().stopBroker(1);
        }
    }
}
