package lab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The kit's shape, checked on its compiled classes (run from lab-cli, the last module of the build, so
 * the weeks are compiled by then): no package cycles, and no week code outside its tests that reaches
 * into the test kit.
 */
@DisplayName("The kit's architecture")
class ArchitectureTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** Packages of labkit-test, labkit-registry and lab-cli, and the test libraries they bring. */
    private static final String[] TEST_SIDE = {"lab.kit.broker..", "lab.kit.faults..", "lab.kit.junit..",
        "lab.kit.process..", "lab.kit.report..", "lab.kit.results..", "lab.kit.registry..", "lab.cli..",
        "org.junit..", "org.assertj..", "org.awaitility..", "org.testcontainers..", "org.apache.kafka.common.test.."};

    @Test
    @DisplayName("the kit's packages depend on each other without a cycle")
    void noPackageCycles() throws IOException {
        var kit = classesIn(List.of("labkit-clients", "labkit-test", "labkit-registry", "lab-cli"), "target/classes");

        assertThat(kit.size()).as("classes of the kit found under " + ROOT).isGreaterThan(40);
        slices().matching("lab.(**)").should().beFreeOfCycles().check(kit);
    }

    @Test
    @DisplayName("a week's given code, stubs and solutions never import the test kit or a test library")
    void weeksUseOnlyTheClientKit() throws IOException {
        var weeks = classesIn(weekModules(), "target/solution/classes", "target/exercise/classes");
        assumeTrue(!weeks.isEmpty(), "no week is compiled yet: run ./mvnw verify -Psolutions (it builds the weeks first)");

        noClasses().that().resideInAPackage("lab.week*..").should().dependOnClassesThat().resideInAnyPackage(TEST_SIDE)
                .because("weeks get labkit-test at test scope only; service code may use labkit-clients")
                .check(weeks);
    }

    private static List<String> weekModules() throws IOException {
        try (Stream<Path> children = Files.list(ROOT)) {
            return children.filter(dir -> Files.isDirectory(dir.resolve("src/exercise/java")))
                    .map(dir -> dir.getFileName().toString()).sorted().toList();
        }
    }

    private static JavaClasses classesIn(List<String> modules, String... classDirs) {
        var dirs = modules.stream()
                .flatMap(module -> Stream.of(classDirs).map(dir -> ROOT.resolve(module).resolve(dir)))
                .filter(Files::isDirectory)
                .toList();
        return new ClassFileImporter().importPaths(dirs);
    }
}
