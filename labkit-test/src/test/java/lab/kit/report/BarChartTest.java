package lab.kit.report;

import java.nio.file.Files;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("A bar chart for a test-run report")
class BarChartTest {

    @Test
    @DisplayName("scales the largest bar to the full width and labels every bar with its value")
    void scalesAndLabels() throws Exception {
        var file = new BarChart("Sends per second", "sends/s").bar("sync", 100).bar("a<sync>", 400).write("kit-bar-chart-test");

        var svg = Files.readString(file);
        assertThat(svg).contains("width=\"330.0\"").contains("width=\"82.5\"")
                .contains("100 sends/s").contains("400 sends/s").contains("a&lt;sync&gt;");
    }

    @Test
    @DisplayName("summarises the figures on one line and keeps small values readable")
    void summary() {
        var chart = new BarChart("Compression ratio", "").bar("gzip", 0.23456).bar("none", 1);

        assertThat(chart.summary()).isEqualTo("Compression ratio: gzip 0.235, none 1.00");
    }

    @Test
    @DisplayName("refuses a value that cannot be drawn")
    void refusesNaN() {
        assertThatThrownBy(() -> new BarChart("t", "u").bar("broken", Double.NaN))
                .hasMessageContaining("broken has NaN");
    }
}
