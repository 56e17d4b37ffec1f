package lab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import lab.kit.junit.LabAwait;
import lab.kit.results.ResultsFile;
import lab.kit.results.TestResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** ./lab watch's resident runner on a made-up week whose one exercise needs no broker. */
@DisplayName("./lab watch's warm runner")
class WarmRunnerTest {

    private static final String WEEK = "week03-producers-consumers";
    private static final String STUB = "package lab.week03;\npublic class Adder {\n    public static int add(int a, int b) {\n"
            + "        // TODO 3.1: add them\n        return 0;\n    }\n}\n";
    private static final String TEST = "package lab.week03;\nimport org.junit.jupiter.api.Tag;\nimport org.junit.jupiter.api.Test;\n"
            + "import static org.junit.jupiter.api.Assertions.assertEquals;\n@Tag(\"ex3.1\")\nclass AdderTest {\n"
            + "    @Test\n    void adds() {\n        assertEquals(5, Adder.add(2, 3));\n    }\n}\n";

    @TempDir
    Path root;

    private String resultsDir;

    @BeforeEach
    void aWeek() throws IOException {
        write("src/exercise/java/lab/week03/Adder.java", STUB);
        write("src/test/java/lab/week03/AdderTest.java", TEST);
        Files.createDirectories(root.resolve(WEEK).resolve("src/main/java"));
        // The nested run records into this made-up week, not into the kit's own results.
        resultsDir = System.getProperty("lab.results.dir");
        System.setProperty("lab.results.dir", root.resolve(WEEK).resolve("target/exercise/lab-results").toString());
    }

    @AfterEach
    void restore() {
        if (resultsDir == null) {
            System.clearProperty("lab.results.dir");
        } else {
            System.setProperty("lab.results.dir", resultsDir);
        }
    }

    @Test
    @DisplayName("compiles the learner's file, runs the exercise's tests, and sees a fix on the next run")
    void runsAndRerunsAfterAFix() throws Exception {
        var runner = new WarmRunner(root.resolve(WEEK));

        var compiledStub = runner.runOnce("3.1", console());
        var onStub = status();
        write("src/exercise/java/lab/week03/Adder.java", STUB.replace("return 0;", "return a + b;"));
        var compiledFix = runner.runOnce("3.1", console());

        assertThat(compiledStub).isTrue();
        assertThat(onStub).as("the stub's test").isEqualTo(TestResult.Status.FAILED);
        assertThat(compiledFix).isTrue();
        assertThat(status()).as("the test after the fix, in a fresh class loader").isEqualTo(TestResult.Status.PASSED);
    }

    @Test
    @DisplayName("says so when the learner's code does not compile, and runs nothing")
    void compileError() throws Exception {
        write("src/exercise/java/lab/week03/Adder.java", "package lab.week03;\npublic class Adder {");

        assertThat(new WarmRunner(root.resolve(WEEK)).runOnce("3.1", console())).isFalse();
    }

    @Test
    @DisplayName("puts the week's main and test resources on the classpath, as Maven does (week 4's schemas, week 5's SQL)")
    void resources() throws Exception {
        write("src/main/resources/db/outbox.sql", "create table outbox ();");
        write("src/test/resources/fixtures/event.json", "{}");
        write("src/test/java/lab/week03/AdderTest.java", TEST.replace("assertEquals(5, Adder.add(2, 3));",
                "assertEquals(true, AdderTest.class.getResource(\"/db/outbox.sql\") != null"
                        + " && AdderTest.class.getResource(\"/fixtures/event.json\") != null);"));

        new WarmRunner(root.resolve(WEEK)).runOnce("3.1", console());

        assertThat(status()).as("a test that reads a main and a test resource").isEqualTo(TestResult.Status.PASSED);
    }

    @Test
    @DisplayName("the warm JVM of ./lab check answers runs over its socket, streams their output, and stops when told")
    void daemon() throws Exception {
        var module = root.resolve(WEEK);
        var server = new Thread(() -> {
            try {
                CheckDaemon.serve(module, java.time.Duration.ofMinutes(1));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "test-daemon");
        server.start();
        try {
            var address = LabAwait.until("the daemon's address file").until(() -> CheckDaemon.find(module), java.util.Optional::isPresent).get();
            var printed = new java.io.ByteArrayOutputStream();

            var outcome = CheckDaemon.request(address, "3.1", new java.io.PrintStream(printed, true));

            assertThat(outcome).isEqualTo(CheckDaemon.RAN);
            assertThat(printed.toString()).contains("compiling", "running 1 test(s)", "FAIL");
            assertThat(status()).isEqualTo(TestResult.Status.FAILED);
        } finally {
            CheckDaemon.stop(module);
            server.join(10_000);
        }
        assertThat(server.isAlive()).as("the daemon after stop").isFalse();
        assertThat(CheckDaemon.find(module)).as("its address after stop").isEmpty();
    }

    private static java.io.PrintStream console() {
        return System.out;
    }

    private TestResult.Status status() {
        return ResultsFile.read(ResultsFile.of(root.resolve(WEEK), "exercise")).get(0).status();
    }

    private void write(String path, String content) throws IOException {
        var file = root.resolve(WEEK).resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
    }
}
