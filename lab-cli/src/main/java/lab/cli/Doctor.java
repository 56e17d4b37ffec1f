package lab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import lab.kit.process.BoundedProcess;

/**
 * {@code ./lab doctor}: checks this machine for what the lab needs and says what to do about each gap:
 * Java, Maven, the kit's build, port 9092, a container engine (Docker, or Podman's Docker API), disk.
 */
final class Doctor {

    private static final long NEEDED_BYTES = 2L << 30;
    private static final Duration ENGINE_ANSWER = Duration.ofSeconds(10);

    private final Path root;
    private final PrintStream out;
    private int problems;

    Doctor(Path root, PrintStream out) {
        this.root = root;
        this.out = out;
    }

    /** True when nothing needs fixing (notes are fine). */
    boolean run() {
        out.println("Kafka Lab doctor: checks this machine for what the lab needs");
        java();
        maven();
        port();
        containers();
        monitoring();
        disk();
        out.println(problems == 0 ? "All set. Start with: ./lab" : problems + " problem(s) to fix first.");
        return problems == 0;
    }

    private void java() {
        var version = Runtime.version().feature();
        if (version >= 17) {
            ok("Java " + version + " (17 or newer needed)");
        } else {
            problem("Java " + version + " is too old: install a JDK 17 or newer and put it first on PATH");
        }
    }

    private void maven() {
        var userHome = System.getenv().getOrDefault("MAVEN_USER_HOME", Path.of(System.getProperty("user.home"), ".m2").toString());
        var dists = Path.of(userHome, "wrapper", "dists");
        if (Files.isDirectory(dists)) {
            ok("Maven (from the wrapper) is downloaded");
        } else {
            note("Maven is not downloaded yet: the first ./mvnw or ./lab command fetches it (needs access to the Maven repository)");
        }
    }

    private void port() {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("localhost", 9092));
            ok("port 9092 is free for ./lab broker");
        } catch (IOException e) {
            note("port 9092 is in use (a running ./lab broker or Docker broker?): ./lab broker --port 9093,"
                    + " or use that broker with -Dlab.broker=external");
        }
    }

    private void monitoring() {
        if (lab.kit.monitoring.PrometheusServer.installed()) {
            ok("Prometheus for week 7: " + lab.kit.monitoring.PrometheusServer.binary().orElseThrow());
        } else {
            note("no Prometheus: fine until week 7, whose Prometheus tests skip without it: ./lab prometheus install");
        }
    }

    private void containers() {
        var dockerHost = System.getenv("DOCKER_HOST");
        if (answers(List.of("docker", "info"))) {
            ok("Docker runs: -Dlab.broker=containers and docker/ are available");
        } else if (answers(List.of("podman", "info"))) {
            note("Podman runs but no Docker API answers" + (dockerHost == null ? "" : " (DOCKER_HOST=" + dockerHost + ")")
                    + ": eval \"$(docker/engine/start --env)\" starts Podman's Docker API for -Dlab.broker=containers and docker/");
        } else {
            note("no Docker or Podman: fine, the default embedded broker needs neither; -Dlab.broker=containers and"
                    + " docker/ need one: eval \"$(docker/engine/start --env)\" installs Podman (Debian/Ubuntu) and starts its Docker API");
        }
    }

    private static boolean answers(List<String> command) {
        try {
            return BoundedProcess.run(command, "", ENGINE_ANSWER, false).filter(outcome -> outcome.exitCode() == 0).isPresent();
        } catch (IOException e) {
            return false; // not installed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void disk() {
        try {
            var free = Files.getFileStore(root).getUsableSpace();
            if (free < NEEDED_BYTES) {
                problem("only " + free / (1 << 20) + " MB free here: the lab needs about 2 GB (Maven repository, build folders, broker logs)");
            } else {
                ok("disk space (" + free / (1L << 30) + " GB free)");
            }
        } catch (IOException e) {
            note("could not tell the free disk space: " + e.getMessage());
        }
    }

    private void ok(String text) {
        out.printf("  ok       %s%n", text);
    }

    private void note(String text) {
        out.printf("  note     %s%n", text);
    }

    private void problem(String text) {
        out.printf("  PROBLEM  %s%n", text);
        problems++;
    }
}
