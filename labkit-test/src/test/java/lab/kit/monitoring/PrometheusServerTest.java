package lab.kit.monitoring;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import lab.kit.broker.LabSetupException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The kit's Prometheus (Debian's binary): how long it takes, and what a learner sees when something is wrong. */
@DisplayName("A real Prometheus, started by the kit")
class PrometheusServerTest {

    @BeforeAll
    static void installed() {
        assumeThat(PrometheusServer.installed()).as(PrometheusServer.MISSING).isTrue();
    }

    @Test
    @DisplayName("it starts, scrapes a target, and answers queries; an unknown metric is no series, not an error")
    void startsAndScrapes() throws Exception {
        var target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        target.createContext("/metrics", exchange -> {
            var body = "# TYPE lab_orders_total counter\nlab_orders_total 42\n".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        target.start();
        var started = System.nanoTime();
        try (var prometheus = PrometheusServer.builder().scrapeInterval(Duration.ofSeconds(1))
                .target("shop", "127.0.0.1:" + target.getAddress().getPort(), Map.of("service", "orders")).start()) {
            var ready = (System.nanoTime() - started) / 1_000_000;
            prometheus.awaitTargetsUp(Duration.ofSeconds(20));
            var scraped = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("[lab] Prometheus ready %d ms after its start; its first scrape done after %d ms%n", ready, scraped);

            assertThat(prometheus.query("lab_orders_total")).as("the scraped counter").singleElement()
                    .satisfies(sample -> {
                        assertThat(sample.value()).isEqualTo(42);
                        assertThat(sample.labels()).containsEntry("service", "orders").containsEntry("job", "shop");
                    });
            assertThat(prometheus.query("lab_no_such_metric_total")).as("a metric nobody exports").isEmpty();
        } finally {
            target.stop(0);
        }
    }

    @Test
    @DisplayName("a query that is not PromQL: Prometheus's own complaint")
    void badQuery() throws Exception {
        try (var prometheus = PrometheusServer.builder().start()) {
            var refused = catchThrowable(() -> prometheus.query("sum(rate(lab_orders_total[1m])"));

            assertThat(refused).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Prometheus refused sum(rate(lab_orders_total[1m])").hasMessageContaining("bad_data");
        }
    }

    @Test
    @DisplayName("an invalid rule file: Prometheus does not start, and the error shows its log, which names the file")
    void invalidRuleFile(@TempDir Path folder) throws Exception {
        var rules = Files.writeString(folder.resolve("broken-rules.yml"), """
                groups:
                  - name: shop
                    rules:
                      - alert: OrdersStopped
                        expr: rate(lab_orders_total[1m] == 0
                """);

        var refused = catchThrowable(() -> PrometheusServer.builder().ruleFile(rules).start());

        assertThat(refused).isInstanceOf(LabSetupException.class).hasMessageContaining("prometheus exited at start")
                .hasMessageContaining("broken-rules.yml");
    }
}
