package lab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The ./lab script itself, run from the repository as a learner would (the tests run in lab-cli/). */
@DisplayName("The ./lab script")
class LabScriptTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path temp;

    @Test
    @DisplayName("rejects an unknown command with exit code 2, suggesting the nearest commands")
    void unknownCommand() throws Exception {
        var result = lab("frobnicate");

        assertThat(result.exit).isEqualTo(2);
        assertThat(result.output).contains("Unmatched argument at index 0: 'frobnicate'", "Did you mean");
    }

    @Test
    @DisplayName("help lists every command with the Maven loop beneath; a bash completion script is generated")
    void helpAndCompletion() throws Exception {
        var help = lab("--help");
        var completion = lab("generate-completion");

        assertThat(help.exit).as(help.output).isZero();
        assertThat(help.output).contains("progress", "check", "hint", "solution", "reset", "doctor", "workbook", "watch",
                "grade", "broker", "tool", "verify", "stop", "./mvnw test -pl week01-fundamentals -am");
        assertThat(completion.exit).as(completion.output).isZero();
        assertThat(completion.output).contains("complete -F", "workbook");
    }

    @Test
    @DisplayName("doctor checks Java, Maven, the port and Docker, and says what to do")
    void doctor() throws Exception {
        var result = lab("doctor");

        assertThat(result.output).contains("Java", "Maven", "port 9092", "Docker", "disk space");
        assertThat(result.exit).as(result.output).isZero();
    }

    @Test
    @DisplayName("workbook writes a learner copy without solutions or CI, as a git repository, and refuses an existing folder")
    void workbook() throws Exception {
        var copy = temp.resolve("workshop");

        var result = lab("workbook", copy.toString());
        var again = lab("workbook", copy.toString());

        assertThat(result.exit).as(result.output).isZero();
        assertThat(copy.resolve("week01-fundamentals/src/exercise/java/lab/week01/TopicAdmin.java")).exists();
        assertThat(copy.resolve("lab")).as("the launcher stays executable").isExecutable();
        assertThat(copy.resolve(".git")).isDirectory();
        assertThat(copy.resolve(".ci")).doesNotExist();
        try (Stream<Path> files = Files.walk(copy)) {
            assertThat(files.map(Path::toString)).noneMatch(path -> path.contains("/src/solution/"));
        }
        assertThat(again.exit).isEqualTo(2);
        assertThat(again.output).contains("already exists");
    }

    @Test
    @DisplayName("progress, hint and check answer bad input with what exists, and exit 2")
    void learnerCommandsOnBadInput() throws Exception {
        var progress = lab("progress");
        var hint = lab("hint", "9.9");
        var level = lab("hint", "1.1", "7");
        var check = lab("check", "week42");
        var noArgument = lab("check");

        assertThat(progress.exit).as(progress.output).isZero();
        assertThat(progress.output).contains("week01-fundamentals", "overall", "Next: exercise");
        assertThat(hint.exit).isEqualTo(2);
        assertThat(hint.output).contains("There is no exercise '9.9'", "1.1");
        assertThat(level.output).contains("hint levels 1 to 3, not 7");
        assertThat(check.exit).isEqualTo(2);
        assertThat(check.output).contains("There is no week 'week42'");
        assertThat(noArgument.exit).isEqualTo(2);
        assertThat(noArgument.output).contains("Missing required parameter: '<week|exercise>'", "Usage: ./lab check");
    }

    @Test
    @DisplayName("check runs an exercise on a real broker, says what it does, reuses its warm JVM the next time, and stop ends it")
    void checkColdThenWarm() throws Exception {
        lab("stop");

        var cold = lab("check", "1.1");
        var warm = lab("check", "1.1");
        var stop = lab("stop");

        assertThat(cold.exit).as(cold.output).isEqualTo(1);
        assertThat(cold.output).contains("Checking exercise 1.1", "./mvnw test -pl week01-fundamentals -am -Dgroups=ex1.1",
                "compiling week01-fundamentals and the kit with Maven", "starting the warm test JVM", "FAIL  1.1  not started (0/",
                "Exercise 1.1 not done yet", "TODO at week01-fundamentals/src/exercise/java/lab/week01/TopicAdmin.java")
                .containsPattern("running \\d+ test\\(s\\)")
                .as("the kit's classes and jar both on the warm JVM's path make logback and JUnit print warnings")
                .doesNotContain("occurs multiple times", "Discovered 2 'junit-platform.properties'");
        assertThat(warm.output).as("the second check").contains("FAIL  1.1  not started").doesNotContain("with Maven", "starting the warm");
        assertThat(stop.output).contains("Stopped the warm test JVM of week01-fundamentals");
        assertThat(CheckDaemon.find(ROOT.resolve("week01-fundamentals"))).as("a warm JVM after ./lab stop").isEmpty();
    }

    private record Result(int exit, String output) {
    }

    private static Result lab(String... args) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of("bash", ROOT.resolve("lab").toString()));
        command.addAll(List.of(args));
        var process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return new Result(process.exitValue(), output);
    }
}
