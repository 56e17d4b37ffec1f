package lab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public shape of a compiled class and its nested classes (what {@code javap -public} prints: the
 * public and protected types, fields, constructors and methods), to prove that a stub and its solution
 * offer the same API. Read from class files, so the classes' own dependencies need not be loadable.
 */
final class PublicShape {

    private PublicShape() {
    }

    /** The shape of {@code className} compiled under {@code classes}, or empty when it was not compiled there. */
    static Optional<String> of(Path classes, String className) {
        var file = classes.resolve(className.replace('.', '/') + ".class");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        var shape = new StringBuilder(javap(file));
        var prefix = file.getFileName().toString().replaceFirst("\\.class$", "") + "$";
        try (Stream<Path> siblings = Files.list(file.getParent())) {
            for (var nested : siblings.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList()) {
                var text = javap(nested);
                // Only public nested types are part of the shape: a solution may add private helpers,
                // anonymous classes and lambdas' classes that its stub has no reason to have.
                if (text.startsWith("public ") || text.startsWith("protected ")) {
                    shape.append(text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(shape.toString());
    }

    private static String javap(Path classFile) {
        var javap = ToolProvider.findFirst("javap").orElseThrow(() ->
                new IllegalStateException("The stub check compares public shapes with javap, which this Java lacks: use a JDK, not a JRE."));
        var out = new StringWriter();
        javap.run(new PrintWriter(out), new PrintWriter(out), "-protected", classFile.toString());
        // "Compiled from" names the source file, the same either way.
        return out.toString().lines().filter(line -> !line.startsWith("Compiled from"))
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
