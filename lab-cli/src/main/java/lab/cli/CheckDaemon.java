package lab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The warm test JVM of one week, kept between {@code ./lab check} runs the way Gradle keeps its daemon:
 * it holds the week's test classpath and a warm broker, and answers "run 1.2" by compiling and running
 * that exercise's tests ({@link WarmRunner}), streaming what it prints back. It listens on localhost
 * only, answers only callers that know the token in its address file
 * ({@code <week>/target/exercise/lab-daemon/address}), and exits after
 * {@value #IDLE_MINUTES} minutes without a request ({@code -Dlab.daemon.idle.minutes}) or on
 * {@code ./lab stop}.
 */
final class CheckDaemon {

    static final String DIR = "target/exercise/lab-daemon";
    static final int IDLE_MINUTES = 30;
    /** Exit codes a run reports: the tests ran (whatever their outcome), or the code did not compile. */
    static final int RAN = 0;
    static final int DID_NOT_COMPILE = 3;
    private static final String END = "\u0000END ";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    /** Where a running daemon listens, as its address file says. */
    record Address(int port, String token, long startedMillis) {

        static Optional<Address> of(Path module) {
            var file = module.resolve(DIR).resolve("address");
            try {
                var fields = Files.readString(file).strip().split(" ");
                return Optional.of(new Address(Integer.parseInt(fields[0]), fields[1], Long.parseLong(fields[2])));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    private CheckDaemon() {
    }

    /** {@code CheckDaemon <root> <module>}: serves runs until idle or stopped. */
    public static void main(String[] args) throws Exception {
        var module = Path.of(args[1]).toAbsolutePath().normalize();
        System.setProperty("lab.results.dir", module.resolve("target/exercise/lab-results").toString());
        System.setProperty("lab.log.dir", module.resolve("target/exercise").toString());
        System.setProperty("lab.warm", "true");
        var idle = Duration.ofMinutes(Long.getLong("lab.daemon.idle.minutes", IDLE_MINUTES));
        serve(module, idle);
        System.exit(0); // brokers and their threads stop with the JVM
    }

    /** Serves on a fresh port until stopped or idle for {@code idle}; removes its address file on the way out. */
    static void serve(Path module, Duration idle) throws Exception {
        var runner = new WarmRunner(module);
        var token = UUID.randomUUID().toString();
        var dir = Files.createDirectories(module.resolve(DIR));
        try (var server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout((int) idle.toMillis());
            var temporary = dir.resolve("address.tmp");
            Files.writeString(temporary, server.getLocalPort() + " " + token + " " + System.currentTimeMillis() + "\n");
            Files.move(temporary, dir.resolve("address"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            while (true) {
                try (var socket = server.accept()) {
                    if (!handle(socket, token, runner)) {
                        return;
                    }
                } catch (SocketTimeoutException e) {
                    return; // idle: nobody asked for a while
                }
            }
        } finally {
            Files.deleteIfExists(dir.resolve("address"));
        }
    }

    /** One request; false when it was "stop". */
    private static boolean handle(Socket socket, String token, WarmRunner runner) throws IOException {
        var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        var reply = new PrintStream(socket.getOutputStream(), true, StandardCharsets.UTF_8);
        var request = in.readLine();
        if (request == null || !request.startsWith(token + " ")) {
            reply.println("refused: wrong token");
            return true;
        }
        var words = request.substring(token.length() + 1).split(" ");
        if (words[0].equals("stop")) {
            reply.println(END + RAN);
            return false;
        }
        var exercise = words.length > 1 && !words[1].equals("-") ? words[1] : null;
        reply.println(END + run(runner, exercise, reply));
        return true;
    }

    /** Runs with System.out and System.err going to the caller (the kit's notes and the tests' prints too). */
    private static int run(WarmRunner runner, String exercise, PrintStream reply) {
        var out = System.out;
        var err = System.err;
        System.setOut(reply);
        System.setErr(reply);
        try {
            return runner.runOnce(exercise, reply) ? RAN : DID_NOT_COMPILE;
        } catch (Exception | LinkageError e) {
            reply.println("This run stopped early (" + e + "); run again, or ./lab stop and try once more.");
            return DID_NOT_COMPILE;
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** Asks the daemon of {@code module} to run {@code exercise} (null: the week), printing its answer; its exit code. */
    static int request(Address address, String exercise, PrintStream out) throws IOException {
        return send(address, "run " + (exercise == null ? "-" : exercise), out);
    }

    private static int send(Address address, String request, PrintStream out) throws IOException {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), address.port()), 2000);
            var writer = new PrintStream(socket.getOutputStream(), true, StandardCharsets.UTF_8);
            writer.println(address.token() + " " + request);
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            for (var line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(END)) {
                    return Integer.parseInt(line.substring(END.length()).strip());
                }
                out.println(line);
            }
            throw new IOException("the warm JVM stopped in the middle of the run (see " + DIR + "/daemon.log)");
        }
    }

    /** The address of a daemon of {@code module} that answers, if one runs; a stale address file is removed. */
    static Optional<Address> find(Path module) {
        var address = Address.of(module);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), address.get().port()), 500);
            return address;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(module.resolve(DIR).resolve("address"));
            } catch (IOException ignored) {
                // another check removed it first
            }
            return Optional.empty();
        }
    }

    /** Starts a daemon for {@code module} on {@code classpath} and waits until it listens. */
    static Address start(Path root, Path module, String classpath) throws IOException, InterruptedException {
        var dir = Files.createDirectories(module.resolve(DIR));
        Files.deleteIfExists(dir.resolve("address"));
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = List.of(java, "-cp", classpath, "-XX:TieredStopAtLevel=1", CheckDaemon.class.getName(),
                root.toString(), module.toString());
        var log = dir.resolve("daemon.log");
        var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
        var deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            var address = Address.of(module);
            if (address.isPresent()) {
                return address.get();
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("The warm test JVM for " + module.getFileName() + " stopped at once: "
                        + lastLines(log) + "\n(whole log: " + root.relativize(log) + ")");
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The warm test JVM for " + module.getFileName() + " did not start within "
                + START_TIMEOUT.toSeconds() + " s; see " + root.relativize(log));
    }

    /** Stops the daemon of {@code module}, if one runs; whether one did. */
    static boolean stop(Path module) throws IOException {
        var address = find(module);
        if (address.isPresent()) {
            send(address.get(), "stop", new PrintStream(OutputStream.nullOutputStream()));
        }
        return address.isPresent();
    }

    /** Stops every week's daemon ({@code ./lab stop}). */
    static void stopAll(Path root, PrintStream out) throws IOException {
        var stopped = new ArrayList<String>();
        for (var module : ExerciseCatalog.weekModules(root)) {
            if (stop(module)) {
                stopped.add(module.getFileName().toString());
            }
        }
        out.println(stopped.isEmpty() ? "No warm test JVM was running." : "Stopped the warm test JVM of " + String.join(", ", stopped) + ".");
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").toLowerCase().startsWith("windows") ? "NUL" : "/dev/null");
    }

    private static String lastLines(Path log) {
        try {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
