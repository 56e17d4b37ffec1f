package lab.week07;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import lab.kit.monitoring.PrometheusServer;
import lab.kit.process.BoundedProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** A learner's rule file checked against a specification of Prometheus's rule unit tests, by {@code promtool test rules}. */
final class RuleSpec {

    private RuleSpec() {
    }

    /**
     * Writes {@code rules} as {@code rules.yml} beside a copy of the {@code specification} resource (in
     * {@code folder}) and asserts promtool passes it; its output is the failure message.
     */
    static void assertPasses(String rules, String specification, Path folder) throws IOException, InterruptedException {
        var promtool = PrometheusServer.promtool();
        assumeThat(promtool).as(PrometheusServer.MISSING).isPresent();
        var dir = Files.createDirectories(folder);
        Files.writeString(dir.resolve("rules.yml"), rules);
        try (var spec = Objects.requireNonNull(RuleSpec.class.getResourceAsStream(specification), specification)) {
            Files.write(dir.resolve(specification), spec.readAllBytes());
        }

        var run = BoundedProcess.run(List.of(promtool.get().toString(), "test", "rules", dir.resolve(specification).toString()),
                "", Duration.ofSeconds(60), true).orElseThrow(() -> new AssertionError("promtool did not finish within 60 s"));

        assertThat(run.exitCode()).as("promtool test rules with your rules (%s) against src/test/resources/lab/week07/"
                + "%s; what it said:%n%s", dir.resolve("rules.yml"), specification, run.output()).isZero();
    }

    /** Where the rule files the tests run are written, for reading after a failure: the track's build folder. */
    static Path outputs() {
        return Path.of(System.getProperty("lab.log.dir", "target"), "alert-rules");
    }
}
