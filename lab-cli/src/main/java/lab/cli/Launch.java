package lab.cli;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What {@code lab} and {@code lab.cmd} start: {@code java -cp lab-cli/target/classes lab.cli.Launch ...}.
 * It needs nothing but the JDK, so the launchers stay a few lines on every OS: it finds the command's
 * classpath (written by the build to {@code lab-cli/target/lab-classpath.txt}), asks the launcher to
 * rebuild first when the lab's sources are newer than that build (exit {@value #REBUILD}), and runs
 * {@link Lab} with the whole classpath.
 */
public final class Launch {

    /** The launcher's cue to build lab-cli and start again (EX_TEMPFAIL). */
    static final int REBUILD = 75;
    private static final String CLASSPATH_FILE = "lab-cli/target/lab-classpath.txt";
    /** What the command is built from: a change to any of them means building it again. */
    private static final List<String> SOURCES = List.of("pom.xml", "lab-cli/pom.xml", "lab-cli/src/main",
            "labkit-test/pom.xml", "labkit-test/src/main");

    private Launch() {
    }

    public static void main(String[] args) throws Exception {
        if (Runtime.version().feature() < 17) {
            System.err.println("Kafka Lab needs Java 17 or newer; this 'java' is " + Runtime.version()
                    + ". Install a JDK 17+ and put it first on PATH.");
            System.exit(1);
        }
        var root = Path.of(System.getProperty("lab.root", ".")).toAbsolutePath().normalize();
        var classpathFile = root.resolve(CLASSPATH_FILE);
        if (!Files.exists(classpathFile) || newerThan(root, Files.getLastModifiedTime(classpathFile).toMillis())) {
            System.exit(REBUILD);
        }
        var classpath = root.resolve("lab-cli/target/classes") + File.pathSeparator + Files.readString(classpathFile).strip();
        // Kit code that starts a JVM of its own (Kafka's tools, ./lab watch) passes this classpath on.
        System.setProperty("java.class.path", classpath);
        var urls = new ArrayList<URL>();
        for (var entry : classpath.split(File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        var loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        loader.loadClass("lab.cli.Lab").getMethod("main", String[].class).invoke(null, (Object) args);
    }

    private static boolean newerThan(Path root, long built) throws IOException {
        for (var source : SOURCES) {
            var path = root.resolve(source);
            if (!Files.exists(path)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(path)) {
                if (files.anyMatch(file -> modified(file) > built)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE; // vanished while looking: build again to be sure
        }
    }
}
