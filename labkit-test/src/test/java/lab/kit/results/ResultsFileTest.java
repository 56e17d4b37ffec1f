package lab.kit.results;

import java.nio.file.Path;
import java.util.List;

import lab.kit.results.TestResult.Status;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The results file")
class ResultsFileTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("keeps messages with tabs, line breaks and backslashes intact")
    void roundTripsAwkwardMessages() {
        var file = dir.resolve(ResultsFile.NAME);
        var result = new TestResult("id-1", Status.FAILED, "1.2", "lab.X", "1.2 does a thing",
                "expected:\t<3>\nbut was: C:\\temp");

        ResultsFile.merge(file, List.of(result));

        assertThat(ResultsFile.read(file)).containsExactly(result);
    }

    @Test
    @DisplayName("updates the tests of a later run and keeps the others")
    void mergesRuns() {
        var file = dir.resolve(ResultsFile.NAME);
        var first = new TestResult("a", Status.FAILED, "1.1", "lab.A", "a", "boom");
        var other = new TestResult("b", Status.FAILED, "1.2", "lab.B", "b", "boom");
        var fixed = new TestResult("a", Status.PASSED, "1.1", "lab.A", "a", "");

        ResultsFile.merge(file, List.of(first, other));
        ResultsFile.merge(file, List.of(fixed));

        assertThat(ResultsFile.read(file)).containsExactly(fixed, other);
    }

    @Test
    @DisplayName("reads the exercise id from an exW.N tag only")
    void exerciseTags() {
        assertThat(TestResult.exerciseOf("ex3.2")).contains("3.2");
        assertThat(TestResult.exerciseOf("slow")).isEmpty();
        assertThat(TestResult.exerciseOf("ex3")).isEmpty();
    }
}
