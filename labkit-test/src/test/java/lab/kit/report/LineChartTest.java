package lab.kit.report;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

@DisplayName("A line chart of time series, as a PNG")
class LineChartTest {

    @Test
    @DisplayName("writes a PNG image with the series, steps and markers")
    void writesPng() throws Exception {
        var file = new LineChart("Under-replicated partitions", "seconds", "partitions")
                .series("sum", List.of(0.0, 1.0, 2.0), List.of(0.0, 6.0, 0.0))
                .steps("firing", List.of(0.0, 1.0, 2.0), List.of(0.0, 1.0, 0.0))
                .marker(0.5, "broker killed").write("kit-line-chart-test");

        var bytes = Files.readAllBytes(file);
        assertThat(bytes).as("the file's first bytes: the PNG signature").startsWith(0x89, 'P', 'N', 'G');
        assertThat(file.getFileName().toString()).isEqualTo("kit-line-chart-test.png");
    }

    @Test
    @DisplayName("refuses a series whose x and y differ in length")
    void refusesMismatchedSeries() {
        var refused = catchThrowable(() -> new LineChart("t", "x", "y").series("broken", List.of(1.0, 2.0), List.of(1.0)));

        assertThat(refused).as("a series with 2 x and 1 y").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("broken");
    }
}
