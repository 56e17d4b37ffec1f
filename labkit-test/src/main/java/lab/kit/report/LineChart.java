package lab.kit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/**
 * A line chart of time series, drawn with XChart and written as a PNG file next to the test results
 * ({@code target/<track>/reports/}): for what happens over time in a test (a metric around a crash, an
 * alert's state), which a table of numbers hides. The console gets one line with the file's place.
 *
 * <pre>{@code
 * new LineChart("Under-replicated partitions around a kill", "seconds since the kill", "partitions")
 *         .series("under-replicated", seconds, values)
 *         .write("week07-alert-timeline");
 * }</pre>
 */
public final class LineChart {

    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final List<Line> lines = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();

    private record Line(String name, List<Double> x, List<Double> y, boolean stepped) {
    }

    private record Marker(double x, String label) {
    }

    public LineChart(String title, String xTitle, String yTitle) {
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
    }

    /** A series: x and y of the same length. */
    public LineChart series(String name, List<Double> x, List<Double> y) {
        return add(new Line(name, x, y, false));
    }

    /** A series of states (0 or 1, say: an alert firing), drawn as steps. */
    public LineChart steps(String name, List<Double> x, List<Double> y) {
        return add(new Line(name, x, y, true));
    }

    /** A vertical dashed line at {@code x}, named in the legend: an event, such as the moment a broker was killed. */
    public LineChart marker(double x, String label) {
        markers.add(new Marker(x, label));
        return this;
    }

    /** Writes {@code <name>.png} under {@link BarChart#folder()} and returns its path. */
    public Path write(String name) {
        return writeTo(BarChart.folder().resolve(name + ".png"));
    }

    /** Writes the chart as a PNG to {@code file} and returns it. */
    public Path writeTo(Path file) {
        var chart = new XYChartBuilder().width(900).height(420).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setMarkerSize(4);
        for (var line : lines) {
            var series = chart.addSeries(line.name(), line.x(), line.y());
            series.setXYSeriesRenderStyle(line.stepped() ? XYSeries.XYSeriesRenderStyle.Step : XYSeries.XYSeriesRenderStyle.Line);
        }
        markers.forEach(marker -> addMarker(chart, marker));
        try {
            Files.createDirectories(file.getParent());
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the chart " + file.toAbsolutePath(), e);
        }
        System.out.println("[lab] chart: " + title + ": " + file.toAbsolutePath());
        return file;
    }

    private LineChart add(Line line) {
        if (line.x().size() != line.y().size() || line.x().isEmpty()) {
            throw new IllegalArgumentException("Series '" + line.name() + "' needs as many x as y values, and at least one; got "
                    + line.x().size() + " and " + line.y().size());
        }
        lines.add(line);
        return this;
    }

    private void addMarker(XYChart chart, Marker marker) {
        var top = lines.stream().flatMap(line -> line.y().stream()).mapToDouble(Double::doubleValue).max().orElse(1);
        var series = chart.addSeries(marker.label(), List.of(marker.x(), marker.x()), List.of(0.0, Math.max(1, top)));
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        series.setLineStyle(new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 6f}, 0f));
        series.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
    }
}
