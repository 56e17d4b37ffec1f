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
    @DisplayName("fails when the manifest and the sources disagree: an unlisted tagged test, a stub without its TODO,"
            + " a missing solution, a TODO in an unlisted file, a builds-on that is not earlier")
    void manifestAgainstSources() throws IOException {
        var module = week("week01-fundamentals");
        write(module, "src/test/java/lab/week01/ThreeTest.java", "@Tag(\"ex1.3\") class ThreeTest {}");
        write(module, "src/exercise/java/lab/week01/Ex1.java", "class Ex1 { }");
        Files.delete(module.resolve("src/solution/java/lab/week01/Sender.java"));
        write(module, "src/exercise/java/lab/week01/Helper.java", "class Helper { // TODO 1.2: and here\n}");
        write(module, "exercises.toml", Files.readString(module.resolve("exercises.toml")).replace("builds-on = [\"1.1\"]", "builds-on = [\"1.2\"]"));
        record(module, "exercise", result("t1", Status.FAILED, "1.1"), result("t2", Status.FAILED, "1.2"));
        record(module, "solution", result("t1", Status.PASSED, "1.1"), result("t2", Status.PASSED, "1.2"));

        assertThat(check()).isFalse();
        assertThat(printed()).contains("does not list lab.week01.ThreeTest (tagged ex1.3)")
                .contains("Ex1.java has no 'TODO 1.1:' marker")
                .contains("exercise 1.2 has no solution at src/solution/java/lab/week01/Sender.java")
                .contains("Helper.java has a 'TODO 1.2:' marker, but week01-fundamentals/exercises.toml does not list the file")
                .contains("exercise 1.2 builds on '1.2', which is not an exercise before it");
    }

    @Test
    @DisplayName("fails when a stub and its solution compile to different public shapes")
    void differentShapes() throws IOException {
        var module = week("week01-fundamentals");
        compile(module.resolve("target/exercise/classes"), "package lab.week01; public class Sender { public void send(String order) {} }");
        compile(module.resolve("target/solution/classes"), "package lab.week01; public class Sender { public int send(String order) { return 1; }"
                + " private void helper() {} private static class Inner {} }");
        record(module, "exercise", result("t1", Status.FAILED, "1.1"), result("t2", Status.FAILED, "1.2"));
        record(module, "solution", result("t1", Status.PASSED, "1.1"), result("t2", Status.PASSED, "1.2"));

        assertThat(check()).isFalse();
        assertThat(printed()).contains("lab.week01.Sender (exercise 1.2): the stub and the solution differ in their public shape")
                .contains("stub only:     public void send(java.lang.String);", "solution only: public int send(java.lang.String);")
                .doesNotContain("helper").doesNotContain("Inner");
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

    /**
     * A week folder whose manifest lists exercises 1.1 and 1.2, each with a stub that has its TODO, a
     * solution, a tagged test class (lab.week01.ATest) and a HINTS.md anchor.
     */
    private Path week(String name) throws IOException {
        var module = root.resolve(name);
        write(module, "exercises.toml", Manifests.of(1, "1.1", "1.2").replaceFirst("ATest", "OneTest").replace("ATest", "TwoTest"));
        write(module, "HINTS.md", "<a id=\"11\"></a>\n<a id=\"12\"></a>\n");
        write(module, "src/test/java/lab/week01/OneTest.java", "@Tag(\"ex1.1\") class OneTest {}");
        write(module, "src/test/java/lab/week01/TwoTest.java", "@Tag(\"ex1.2\") class TwoTest {}");
        for (var stub : List.of("Ex1", "Sender")) {
            var id = stub.equals("Ex1") ? "1.1" : "1.2";
            write(module, "src/exercise/java/lab/week01/" + stub + ".java", "class " + stub + " { // TODO " + id + ": do it\n}");
            write(module, "src/solution/java/lab/week01/" + stub + ".java", "class " + stub + " { }");
        }
        return module;
    }

    private static void compile(Path into, String source) throws IOException {
        var dir = Files.createTempDirectory("shape");
        var file = dir.resolve("Sender.java");
        Files.writeString(file, source);
        var exit = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", into.toString(), file.toString());
        assertThat(exit).as("compiling " + source).isZero();
    }

    private static void write(Path module, String path, String text) throws IOException {
        var file = module.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static void record(Path module, String track, TestResult... results) {
        ResultsFile.merge(ResultsFile.of(module, track), List.of(results));
    }

    private static TestResult result(String id, Status status, String exercise) {
        return new TestResult(id, status, exercise, exercise.equals("1.2") ? "lab.week01.TwoTest" : "lab.week01.OneTest",
                "test " + id, "");
    }
}
