package lab.cli;

import java.io.File;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The classpath of a JVM that runs a week's tests beside the lab's command")
class ClasspathsTest {

    @Test
    @DisplayName("keeps the week's entries first and adds the command's, without a second copy of the kit or a repeat")
    void weekFirstKitOnce() {
        var root = Path.of("/lab");
        var week = String.join(File.pathSeparator, "/lab/labkit-test/target/classes", "/m2/kafka-clients.jar");
        var command = String.join(File.pathSeparator, "/lab/lab-cli/target/classes",
                "/lab/labkit-test/target/labkit-test-1.0-SNAPSHOT.jar", "/m2/kafka-clients.jar", "/m2/picocli.jar");

        var joined = Classpaths.weekThenCommand(root, week, command);

        assertThat(joined.split(File.pathSeparator)).containsExactly("/lab/labkit-test/target/classes", "/m2/kafka-clients.jar",
                "/lab/lab-cli/target/classes", "/m2/picocli.jar");
    }
}
