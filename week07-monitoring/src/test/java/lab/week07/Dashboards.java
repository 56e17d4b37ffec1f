package lab.week07;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import lab.kit.junit.LabAwait;
import lab.kit.monitoring.PrometheusServer;

import static org.assertj.core.api.Assertions.assertThat;

/** The lab's Grafana dashboards (monitoring/grafana/), checked without Grafana: every panel's query must return data. */
final class Dashboards {

    private Dashboards() {
    }

    /** Waits (up to 15 s: rates need two scrapes) until every panel's query of {@code dashboard} returns data from {@code prometheus}. */
    static void assertEveryPanelHasData(Path dashboard, PrometheusServer prometheus) throws Exception {
        var panels = new ObjectMapper().readTree(fromRepository(dashboard).toFile()).path("panels");
        var empty = new ArrayList<String>();
        LabAwait.until("every panel of " + dashboard + " to have data").atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            empty.clear();
            for (var panel : panels) {
                for (var target : panel.path("targets")) {
                    var expr = target.path("expr").asText();
                    if (prometheus.query(expr).isEmpty()) {
                        empty.add(panel.path("title").asText() + ": " + expr);
                    }
                }
            }
            assertThat(empty).as("panels of the Grafana dashboard %s whose query returns nothing from your series", dashboard)
                    .isEmpty();
        });
    }

    /** A file of the lab's repository, from the module's folder (Maven) or the repository's (./lab). */
    static Path fromRepository(Path file) {
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(file))) {
                return dir.resolve(file);
            }
        }
        throw new IllegalStateException("No " + file + " in this folder or above it: run the tests from the lab's repository");
    }
}
