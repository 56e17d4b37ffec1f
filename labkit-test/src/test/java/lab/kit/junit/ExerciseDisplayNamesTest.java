package lab.kit.junit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

@DisplayName("Test names from the exercise tag")
class ExerciseDisplayNamesTest {

    @Test
    @DisplayName("a tagged class is named with its exercise id once; its tests read as sentences")
    void namesFromTheTag() {
        var events = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.displayname.generator.default", ExerciseDisplayNames.class.getName())
                .selectors(selectClass(OrderEventPublisherTest.class)).execute().allEvents();

        assertThat(events.started().list()).extracting(event -> event.getTestDescriptor().getDisplayName())
                .contains("9.2 Order event publisher", "same key lands on same partition", "when the broker is down",
                        "fails with a message", "a sentence of its own");
    }

    @Test
    @DisplayName("the kit makes it every module's default")
    void isTheDefault() {
        var name = EngineTestKit.engine("junit-jupiter").enableImplicitConfigurationParameters(true)
                .selectors(selectClass(OrderEventPublisherTest.class))
                .execute().allEvents().started().list().get(1).getTestDescriptor().getDisplayName();

        assertThat(name).isEqualTo("9.2 Order event publisher");
    }

    @Tag("ex9.2")
    static class OrderEventPublisherTest {

        @Test
        void sameKeyLandsOnSamePartition() {
        }

        @Test
        @DisplayName("a sentence of its own")
        void custom() {
        }

        @Nested
        class WhenTheBrokerIsDown {
            @Test
            void failsWithAMessage() {
            }
        }
    }
}
