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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The learner's commands on a small made-up lab: one week, three exercises. */
@DisplayName("./lab progress, hint and check")
class LabToolTest {

    @TempDir
    Path root;

    private Path week;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void aWeek() throws IOException {
        week = root.resolve("week03-producers-consumers");
        write("src/test/java/lab/week03/ATest.java", "@Tag(\"ex3.1\") class A {} @Tag(\"ex3.2\") class B {}");
        write("src/test/java/lab/week03/CTest.java", "@Tag(\"ex3.10\") class C {}");
        write("src/exercise/java/lab/week03/Sender.java", "class Sender {\n    // TODO 3.2: send it\n}\n");
        write("exercises.toml", Manifests.of(3, "3.1", "3.2", "3.10"));
        write("HINTS.md", """
                <a id="31"></a>
                ## 3.1
                <details><summary>Level 1: a nudge</summary>

                Look at the key.
                </details>

                <a id="32"></a>
                ## 3.2
                <details>
                <summary>Level 1 — a nudge</summary>

                Send it.
                </details>
                <details>
                <summary>Level 2 — the API</summary>

                Producer#send.
                </details>
                """);
    }

    @Nested
    @DisplayName("the exercise catalog")
    class Catalog {

        @Test
        @DisplayName("lists the exercises of each week's exercises.toml, in number order")
        void fromTheManifest() {
            assertThat(ExerciseCatalog.of(root).all()).extracting(Exercise::id).containsExactly("3.1", "3.2", "3.10");
        }

        @Test
        @DisplayName("selects a week as 3, 03 or week03, and one exercise as 3.2")
        void selects() {
            var catalog = ExerciseCatalog.of(root);

            assertThat(catalog.select("3")).hasSize(3);
            assertThat(catalog.select("03")).hasSize(3);
            assertThat(catalog.select("week03")).hasSize(3);
            assertThat(catalog.select("3.2")).extracting(Exercise::id).containsExactly("3.2");
        }

        @Test
        @DisplayName("takes each exercise's title, stubs, tests, hint anchor and what it builds on from the manifest")
        void entries() {
            var exercise = ExerciseCatalog.of(root).exercise("3.2");

            assertThat(exercise.title()).isEqualTo("Exercise 3.2");
            assertThat(exercise.stubs()).containsExactly(Path.of("src/exercise/java/lab/week03/Sender.java"));
            assertThat(exercise.tests()).containsExactly("lab.week03.ATest");
            assertThat(exercise.anchor()).isEqualTo("32");
            assertThat(exercise.buildsOn()).containsExactly("3.1");
        }

        @Test
        @DisplayName("refuses a week without a manifest, and a manifest with a wrong id or a missing field, naming the file")
        void badManifests() throws IOException {
            write("exercises.toml", Manifests.of(3, "3.1").replace("id = \"3.1\"", "id = \"4.1\""));
            assertThatThrownBy(() -> ExerciseCatalog.of(root)).hasMessageContaining("week03-producers-consumers/exercises.toml")
                    .hasMessageContaining("'4.1' is not W.N of week 3");

            write("exercises.toml", Manifests.of(3, "3.1").replaceAll("tests = .*\n", ""));
            assertThatThrownBy(() -> ExerciseCatalog.of(root)).hasMessageContaining("exercise 3.1 has no 'tests'");

            Files.delete(week.resolve("exercises.toml"));
            assertThatThrownBy(() -> ExerciseCatalog.of(root)).hasMessageContaining("no exercises.toml");
        }

        @Test
        @DisplayName("names what exists when asked for an unknown exercise or week")
        void unknown() {
            var catalog = ExerciseCatalog.of(root);

            assertThatThrownBy(() -> catalog.select("3.7")).hasMessageContaining("no exercise '3.7'").hasMessageContaining("3.10");
            assertThatThrownBy(() -> catalog.select("week09")).hasMessageContaining("no week 'week09'").hasMessageContaining("[3]");
            assertThatThrownBy(() -> catalog.select("kafka")).hasMessageContaining("no week 'kafka'");
        }
    }

    @Nested
    @DisplayName("./lab hint")
    class Hint {

        @Test
        @DisplayName("shows one level at a time and says how to get the next")
        void oneLevel() {
            var exercise = ExerciseCatalog.of(root).exercise("3.2");

            assertThat(Hints.show(exercise, 1)).contains("Hint 1/2", "Send it.").doesNotContain("Producer#send")
                    .contains("./lab hint 3.2 2");
            assertThat(Hints.show(exercise, 2)).contains("Producer#send", "last level");
        }

        @Test
        @DisplayName("refuses a level that does not exist, and an exercise without hints")
        void badLevelOrNoHints() {
            var catalog = ExerciseCatalog.of(root);

            assertThatThrownBy(() -> Hints.show(catalog.exercise("3.1"), 2)).hasMessageContaining("hint levels 1 to 1, not 2");
            assertThatThrownBy(() -> Hints.show(catalog.exercise("3.10"), 1)).hasMessageContaining("no hints for 3.10");
        }
    }

    @Nested
    @DisplayName("./lab progress")
    class ProgressReport {

        @Test
        @DisplayName("without results: every exercise not run yet, and the first is next")
        void noResultsYet() {
            Progress.print(root, out());

            assertThat(printed()).contains("[....................] 0/3", "3.1 not run yet", "Next: exercise 3.1");
        }

        @Test
        @DisplayName("with results: done, not started and failing, and the next one with its TODO")
        void states() {
            results(pass("3.1"), stub("3.2"), fail("3.10"));

            Progress.print(root, out());

            assertThat(printed()).contains("3.1 done", "3.2 not started", "3.10 failing", "1/3")
                    .contains("Next: exercise 3.2 (not started), TODO at week03-producers-consumers/src/exercise/java/lab/week03/Sender.java:2");
        }
    }

    @Nested
    @DisplayName("./lab check")
    class CheckReport {

        @Test
        @DisplayName("reports a pass, or the failure's message and the TODO, and passes only when all pass")
        void reports() {
            results(pass("3.1"), stub("3.2"));
            var catalog = ExerciseCatalog.of(root);

            var onePasses = Check.report(root, catalog.select("3.1"), out());
            var weekPasses = Check.report(root, catalog.select("3"), out());

            assertThat(onePasses).isTrue();
            assertThat(weekPasses).isFalse();
            assertThat(printed()).contains("PASS  3.1  done (1/1 tests pass)", "FAIL  3.2  not started (0/1 tests pass)",
                    "Exercise 3.2 not done yet", "TODO at week03-producers-consumers/src/exercise/java/lab/week03/Sender.java:2",
                    "./lab hint 3.2");
        }
    }

    @Nested
    @DisplayName("./lab grade and watch's next exercise")
    class Grading {

        @Test
        @DisplayName("grade prints a table and writes a JSON report of which exercises pass")
        void gradeReport() throws IOException {
            results(pass("3.1"), fail("3.2"));

            var report = Grade.grade(root, out());

            assertThat(printed()).contains("3.1        done", "3.2        failing", "3.10       not run yet", "grade: 1 of 3 exercises pass");
            assertThat(Files.readString(report)).contains("\"exercisesPassing\": 1", "{\"id\": \"3.1\", \"state\": \"done\", \"testsPassing\": 1, \"tests\": 1}");
        }

        @Test
        @DisplayName("grade refuses a folder that is not a copy of the lab")
        void gradeNotALab(@TempDir Path empty) throws IOException {
            Files.createDirectories(empty.resolve("notes"));

            assertThatThrownBy(() -> Grade.grade(empty, out())).hasMessageContaining("is it a copy of Kafka Lab?");
        }

        @Test
        @DisplayName("the next exercise is the first that does not pass")
        void nextExercise() {
            results(pass("3.1"));

            assertThat(Check.next(root)).isEqualTo("3.2");
        }
    }

    private void write(String path, String content) throws IOException {
        var file = week.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private void results(TestResult... results) {
        ResultsFile.merge(ResultsFile.of(week, "exercise"), List.of(results));
    }

    private static TestResult pass(String exercise) {
        return new TestResult("t" + exercise, Status.PASSED, exercise, "lab.week03.T", exercise + " works", "");
    }

    private static TestResult stub(String exercise) {
        return new TestResult("t" + exercise, Status.FAILED, exercise, "lab.week03.T", exercise + " works",
                "UnsupportedOperationException: Exercise " + exercise + " not done yet: see HINTS.md");
    }

    private static TestResult fail(String exercise) {
        return new TestResult("t" + exercise, Status.FAILED, exercise, "lab.week03.T", exercise + " works",
                "AssertionError: expected 3 but was 2");
    }

    private PrintStream out() {
        return new PrintStream(printed, true, StandardCharsets.UTF_8);
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
