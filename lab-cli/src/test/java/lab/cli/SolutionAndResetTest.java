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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ./lab solution and ./lab reset on a made-up lab in a fresh git repository. */
@DisplayName("./lab solution and reset")
class SolutionAndResetTest {

    private static final String STUB = "class Sender {\n    void send() {\n        // TODO 3.2: send it\n        throw new UnsupportedOperationException();\n    }\n}\n";
    private static final String SOLUTION = "class Sender {\n    void send() {\n        producer.send(record);\n    }\n}\n";
    private static final Path STUB_PATH = Path.of("week03-producers-consumers/src/exercise/java/lab/week03/Sender.java");

    @TempDir
    Path root;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void aCommittedLab() throws Exception {
        write("week03-producers-consumers/src/test/java/lab/week03/SenderTest.java", "@Tag(\"ex3.2\") class SenderTest {}");
        write(STUB_PATH.toString(), STUB);
        write("week03-producers-consumers/src/solution/java/lab/week03/Sender.java", SOLUTION);
        write("week03-producers-consumers/exercises.toml", Manifests.of(3, "3.2"));
        git("init", "-q");
        git("add", "-A");
        git("-c", "user.name=t", "-c", "user.email=t@localhost", "commit", "-qm", "lab");
    }

    @Test
    @DisplayName("solution: refused until the exercise passes, naming --force")
    void solutionWaitsForAPass() {
        assertThatThrownBy(() -> Solution.show(root, exercise(), false, out()))
                .hasMessageContaining("Exercise 3.2 is not run yet").hasMessageContaining("--force");
    }

    @Test
    @DisplayName("solution: once it passes, the difference from the stub")
    void solutionAfterPass() {
        ResultsFile.merge(ResultsFile.of(root.resolve("week03-producers-consumers"), "exercise"),
                List.of(new TestResult("t", TestResult.Status.PASSED, "3.2", "T", "3.2 sends", "")));

        Solution.show(root, exercise(), false, out());

        assertThat(printed()).contains("--- stub: " + STUB_PATH, "+++ solution: ", "@@ -1,6 +1,5 @@")
                .contains("-        // TODO 3.2: send it", "+        producer.send(record);", " class Sender {");
    }

    @Test
    @DisplayName("reset: puts the stub back and keeps the learner's version in .lab/backups")
    void resetKeepsACopy() throws IOException {
        Files.writeString(root.resolve(STUB_PATH), "class Sender { /* my work */ }\n");

        var backup = Reset.reset(root, exercise(), out());

        assertThat(Files.readString(root.resolve(STUB_PATH))).as("the file after reset").isEqualTo(STUB);
        assertThat(Files.readString(backup.resolve(STUB_PATH))).as("the backup").contains("my work");
        assertThat(printed()).contains("reset", ".lab/backups/");
    }

    @Test
    @DisplayName("reset: an untouched stub stays as it is, with no backup")
    void resetUntouched() {
        var backup = Reset.reset(root, exercise(), out());

        assertThat(backup).isNull();
        assertThat(printed()).contains("unchanged");
    }

    @Test
    @DisplayName("reset: finds the exercise's file by its committed TODO even after the learner removed it")
    void findsFileWithoutTodo() throws IOException {
        Files.writeString(root.resolve(STUB_PATH), SOLUTION);

        assertThat(ExerciseFiles.of(root, exercise())).extracting(ExerciseFiles.ExerciseFile::stub).containsExactly(STUB_PATH);
    }

    private Exercise exercise() {
        return ExerciseCatalog.of(root).exercise("3.2");
    }

    private void write(String path, String content) throws IOException {
        var file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private void git(String... args) throws Exception {
        var command = new java.util.ArrayList<>(List.of("git", "-C", root.toString()));
        command.addAll(List.of(args));
        var exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        assertThat(exit).as("git %s", List.of(args)).isZero();
    }

    private PrintStream out() {
        return new PrintStream(printed, true, StandardCharsets.UTF_8);
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
