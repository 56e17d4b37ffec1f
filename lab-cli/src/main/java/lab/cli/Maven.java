package lab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the lab's Maven Wrapper ({@code mvnw}, or {@code mvnw.cmd} on Windows) and prints the command
 * first, so every {@code ./lab} command shows the plain Maven command beneath it.
 */
final class Maven {

    private final Path root;
    private final PrintStream out;

    Maven(Path root, PrintStream out) {
        this.root = root;
        this.out = out;
    }

    /** Prints "  $ ./mvnw <shown>" (the arguments a learner would type). */
    void show(String shown) {
        out.println("  $ ./mvnw " + shown);
    }

    /** Runs Maven with its output on the console; the exit code. */
    int run(List<String> arguments) throws IOException, InterruptedException {
        return new ProcessBuilder(command(arguments)).directory(root.toFile()).inheritIO().start().waitFor();
    }

    /**
     * Runs Maven with its output in {@code log}, handing each new line to {@code progress} as it is
     * written (so a long run can say what it is doing); the exit code.
     */
    int runLogged(List<String> arguments, Path log, Consumer<String> progress) throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        var process = new ProcessBuilder(command(arguments)).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try (var reader = Files.newBufferedReader(log)) {
            while (true) {
                var line = reader.readLine();
                if (line != null) {
                    progress.accept(line);
                } else if (process.isAlive()) {
                    Thread.sleep(50);
                } else {
                    for (var rest = reader.readLine(); rest != null; rest = reader.readLine()) {
                        progress.accept(rest);
                    }
                    return process.exitValue();
                }
            }
        } finally {
            process.destroy();
        }
    }

    private List<String> command(List<String> arguments) {
        var windows = System.getProperty("os.name").toLowerCase().startsWith("windows");
        var command = new ArrayList<String>();
        if (windows) {
            command.addAll(List.of("cmd", "/c", root.resolve("mvnw.cmd").toString()));
        } else {
            command.add(root.resolve("mvnw").toString());
        }
        command.addAll(arguments);
        return command;
    }

    /** The compiler's errors from a Maven log: "[ERROR] /path/File.java:[12,5] message", each once. */
    static List<String> compilerErrors(Path log) throws IOException {
        return Files.readAllLines(log).stream()
                .filter(line -> line.startsWith("[ERROR] ") && line.contains(".java:["))
                .distinct()
                .limit(20)
                .toList();
    }
}
