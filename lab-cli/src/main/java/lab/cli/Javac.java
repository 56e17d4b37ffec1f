package lab.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.tools.ToolProvider;

/**
 * The JDK's own compiler, as the warm JVMs use it ({@link WarmRunner}, {@link WrongSolutionRunner}):
 * Java 17 bytecode, UTF-8 sources, no annotation processing, errors to {@code errors}. No Maven start.
 */
final class Javac {

    private Javac() {
    }

    /** Compiles {@code sources} into {@code into} (emptied first); true when they compiled. */
    static boolean compile(List<Path> sources, Path into, String classpath, OutputStream errors) throws IOException {
        deleteRecursively(into);
        Files.createDirectories(into);
        var arguments = new ArrayList<>(List.of("-d", into.toString(), "-cp", classpath, "--release", "17", "-nowarn",
                "-proc:none", "-encoding", "UTF-8"));
        sources.forEach(source -> arguments.add(source.toString()));
        return ToolProvider.getSystemJavaCompiler().run(null, errors, errors, arguments.toArray(String[]::new)) == 0;
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                for (var file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
