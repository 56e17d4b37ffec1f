package lab.kit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart written as a self-contained SVG file next to the test results
 * ({@code target/<track>/reports/}), for figures people would rather look at than read: throughput,
 * latency, ratios. Each chart is also printed as one console line, so a run's log holds the numbers.
 *
 * <pre>{@code
 * new BarChart("Sends per second, 300 orders", "sends/s")
 *         .bar("synchronous", 120)
 *         .bar("asynchronous", 9400)
 *         .write("week03-send-throughput");
 * }</pre>
 */
public final class BarChart {

    private static final String[] COLOURS = {"#2b7bd9", "#d9822b", "#3a9a5b", "#9b59b6", "#c0392b", "#7f8c8d"};
    private static final int LABEL_WIDTH = 150;
    private static final int BAR_AREA = 330;
    private static final int ROW = 36;

    private final String title;
    private final String unit;
    private final List<Bar> bars = new ArrayList<>();

    public BarChart(String title, String unit) {
        this.title = title;
        this.unit = unit;
    }

    public BarChart bar(String label, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("A bar needs a finite value of 0 or more; " + label + " has " + value);
        }
        bars.add(new Bar(label, value));
        return this;
    }

    /** The folder charts go to: {@code reports/} under the track's build folder. */
    public static Path folder() {
        return Path.of(System.getProperty("lab.log.dir", "target"), "reports");
    }

    /** Writes {@code <name>.svg}, prints the figures on one line, and returns the file. */
    public Path write(String name) {
        var file = folder().resolve(name + ".svg");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, svg());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the chart " + file.toAbsolutePath(), e);
        }
        System.out.println("[lab] " + summary() + "; chart: " + file.toAbsolutePath());
        return file;
    }

    /** "title: label value unit, ..." */
    public String summary() {
        var parts = bars.stream().map(bar -> bar.label() + " " + format(bar.value()) + suffix()).toList();
        return title + ": " + String.join(", ", parts);
    }

    String svg() {
        var max = bars.stream().mapToDouble(Bar::value).max().orElse(1);
        var height = 50 + ROW * bars.size();
        var svg = new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(LABEL_WIDTH + BAR_AREA + 130).append("\" height=\"").append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"14\">\n")
                .append("  <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n")
                .append("  <text x=\"10\" y=\"24\" font-weight=\"bold\">").append(escape(title)).append("</text>\n");
        for (int i = 0; i < bars.size(); i++) {
            var bar = bars.get(i);
            var y = 45 + ROW * i;
            var width = max == 0 ? 0 : BAR_AREA * bar.value() / max;
            svg.append(String.format(Locale.ROOT,
                    "  <text x=\"10\" y=\"%d\">%s</text><rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"24\" fill=\"%s\"/>"
                            + "<text x=\"%.1f\" y=\"%d\">%s%s</text>%n",
                    y + 17, escape(bar.label()), LABEL_WIDTH, y, width, COLOURS[i % COLOURS.length],
                    LABEL_WIDTH + width + 8, y + 17, format(bar.value()), escape(suffix())));
        }
        return svg.append("</svg>\n").toString();
    }

    private String suffix() {
        return unit.isEmpty() ? "" : " " + unit;
    }

    /** Whole numbers from 100 up, three significant digits below. */
    static String format(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.3g", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private record Bar(String label, double value) {
    }
}
