package lab.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import lab.kit.results.ResultsFile;
import lab.kit.results.TestResult;
import lab.kit.results.TestResult.Status;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The stub check")
class StubCheckTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @Test
    @DisplayName("passes when every exercise test fails on stubs and passes on solutions")
    void allGood() throws IOException {
        var module = week("week01-fundamentals");
        record(module, "exercise", result("t1", Status.FAILED, "1.1"), result("t2", Status.FAILED, "1.2"));
        record(module, "solution", result("t1", Status.PASSED, "1.1"), result("t2", Status.PASSED, "1.2"));

        var ok = check();

        assertThat(ok).as(printed()).isTrue();
        assertThat(printed()).contains("week01-fundamentals", "2/2").contains("stubcheck: 2 passed, 0 failed");
    }

    @Test
    @DisplayName("fails when a test passes on an untouched stub")
    void stubThatPasses() throws IOException {
        var module = week("week01-fundamentals");
        record(module, "exercise", result("t1", Status.PASSED, "1.1"));
        record(module, "solution", result("t1", Status.PASSED, "1.1"));

        assertThat(check()).isFalse();
        assertThat(printed()).contains("is PASSED on the untouched stubs").contains("0 passed, 1 failed");
    }

    @Test
    @DisplayName("fails when a test fails on the solution, or has no exercise tag")
    void solutionThatFailsAndUntaggedTest() throws IOException {
        var module = week("week01-fundamentals");
        record(module, "exercise", result("t1", Status.FAILED, "1.1"), result("t2", Status.FAILED, ""));
        record(module, "solution", result("t1", Status.FAILED, "1.1"), result("t2", Status.PASSED, ""));

        assertThat(check()).isFalse();
        assertThat(printed()).contains("is FAILED on the solution track").contains("has no @Tag(\"exW.N\")");
    }

    @Test
    @DisplayName("fails when HINTS.md lacks the anchor an exercise's stub points to")
    void missingHintAnchor() throws IOException {
        var module = week("week01-fundamentals");
        Files.writeString(module.resolve("HINTS.md"), "<a id=\"11\"></a>\n## 1.1\n");
        record(module, "exercise", result("t1", Status.FAILED, "1.1"), result("t2", Status.FAILED, "1.2"));
        record(module, "solution", result("t1", Status.PASSED, "1.1"), result("t2", Status.PASSED, "1.2"));

        assertThat(check()).isFalse();
        assertThat(printed()).contains("HINTS.md has no <a id=\"12\"></a> for exercise 1.2").doesNotContain("id=\"11\"></a> for");
    }

    @Test
    @DisplayName("fails when a track has no results at all")
    void missingResults() throws IOException {
        var module = week("week01-fundamentals");
        record(module, "solution", result("t1", Status.PASSED, "1.1"));

        assertThat(check()).isFalse();
        assertThat(printed()).contains("no test results for the exercise track");
    }

    private boolean check() {
        return new StubCheck().run(root, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    /** A week folder with a HINTS.md that has an anchor for exercises 1.1 and 1.2. */
    private Path week(String name) throws IOException {
        var module = Files.createDirectories(root.resolve(name).resolve("src/exercise/java")).getParent().getParent().getParent();
        Files.writeString(module.resolve("HINTS.md"), "<a id=\"11\"></a>\n<a id=\"12\"></a>\n");
        return module;
    }

    private static void record(Path module, String track, TestResult... results) {
        ResultsFile.merge(ResultsFile.of(module, track), List.of(results));
    }

    private static TestResult result(String id, Status status, String exercise) {
        return new TestResult(id, status, exercise, "lab.week01.SomeTest", "test " + id, "");
    }
}
