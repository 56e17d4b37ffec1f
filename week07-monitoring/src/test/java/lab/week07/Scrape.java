package lab.week07;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** What one scrape of an exporter returned, read from Prometheus's text format: samples and declared types. */
record Scrape(List<Sample> samples, Map<String, String> types) {

    /** One line of the scrape: {@code name{label="value",...} value}. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+).*");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    static Scrape parse(String text) {
        var samples = new ArrayList<Sample>();
        var types = new HashMap<String, String>();
        for (var line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                var parts = line.split(" ");
                types.put(parts[2], parts[3]);
            } else if (!line.isBlank() && !line.startsWith("#")) {
                var matcher = SAMPLE.matcher(line);
                if (matcher.matches()) {
                    var labels = new TreeMap<String, String>();
                    if (matcher.group(3) != null) {
                        var label = LABEL.matcher(matcher.group(3));
                        while (label.find()) {
                            labels.put(label.group(1), label.group(2));
                        }
                    }
                    samples.add(new Sample(matcher.group(1), labels, Double.parseDouble(matcher.group(4))));
                }
            }
        }
        return new Scrape(samples, types);
    }

    /** The samples of one series name. */
    List<Sample> named(String name) {
        return samples.stream().filter(sample -> sample.name().equals(name)).toList();
    }

    /** Every series name scraped, for failure messages. */
    List<String> names() {
        return samples.stream().map(Sample::name).distinct().sorted().toList();
    }
}
