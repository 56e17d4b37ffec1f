package lab.kit.broker;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import lab.kit.broker.KafkaNodeProcess.Role;
import lab.kit.process.Folders;
import lab.kit.process.JavaService;
import lab.kit.process.KafkaNodeMain;
import lab.kit.process.ParentWatch;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Class-data sharing for the kit's Kafka processes. A node JVM that maps the classes it needs from an
 * archive, instead of loading and verifying them from jars, starts in 0.8 s instead of 1.35 s (measured
 * here), and weeks 6 and 7 start nodes dozens of times, two cores shared by all of them.
 *
 * <p>A node runs on the kit's own runtime classpath (the list the kit's build wrote, found in this JVM's
 * classpath by file name) and a small jar with its main class: nothing of the week's module, so every
 * week, and the lab's own runners, start nodes on the same classpath and share one archive. It is made
 * once, by a training node that runs in the background while the first cluster starts (JDK 13's dynamic
 * archive, {@code -XX:ArchiveClassesAtExit}); nodes started after that map it. Its name is a digest of the
 * JVM and of every jar's path, size and time, so a rebuilt jar or another JDK makes a new archive and an
 * old one is never used by mistake (the JVM would refuse it anyway, and start as before). The archives
 * live under {@code <java.io.tmpdir>/kafka-lab-<user>/node-cds} (or {@code -Dlab.cds.dir}); the three
 * newest are kept. {@code -Dlab.processes.cds=false} turns class sharing off.
 */
final class NodeClassArchive {

    private static final Logger log = LoggerFactory.getLogger(NodeClassArchive.class);
    private static final String STARTED = "Kafka Server started";
    private static final long TRAINING_TIMEOUT_MILLIS = 60_000;
    private static final int ARCHIVES_KEPT = 3;
    private static final long MAIN_JAR_TIME = 946_684_800_000L; // 2000-01-01
    private static final List<Class<?>> MAIN_CLASSES = List.of(KafkaNodeMain.class, ParentWatch.class);
    private static final AtomicBoolean TRAINING = new AtomicBoolean();

    /** How nodes are launched in this JVM: decided once. */
    private static volatile Launch launch;

    /**
     * A node's classpath, its main jar, and the archive that fits them (the last two null when none can:
     * the kit's classpath not found).
     */
    record Launch(String classpath, Path mainJar, Path archive) {
    }

    private NodeClassArchive() {
    }

    static String nodeClasspath() {
        var launch = launch();
        if (launch.mainJar() != null && !Files.isRegularFile(launch.mainJar())) {
            try {
                mainJar(launch.mainJar()); // removed meanwhile (a temporary folder cleaned): written again
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + launch.mainJar(), e);
            }
        }
        return launch.classpath();
    }

    /**
     * The options that make a node map its classes from the archive, if it is ready; otherwise none, and
     * the archive is made in the background (once per test JVM) for the nodes started later.
     */
    static List<String> jvmOptions(List<String> baseOptions) {
        var archive = launch().archive();
        if (archive == null) {
            return List.of();
        }
        if (Files.isRegularFile(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive);
        }
        if (TRAINING.compareAndSet(false, true)) {
            var trainer = new Thread(() -> train(archive, baseOptions), "lab-node-class-archive");
            trainer.setDaemon(true);
            trainer.start();
        }
        return List.of();
    }

    private static Launch launch() {
        if (launch == null) {
            synchronized (NodeClassArchive.class) {
                if (launch == null) {
                    launch = decide();
                }
            }
        }
        return launch;
    }

    /** The kit's classpath and a main jar when both can be had; this JVM's classpath, unshared, otherwise. */
    private static Launch decide() {
        var whole = new Launch(System.getProperty("java.class.path"), null, null);
        if (!Boolean.parseBoolean(System.getProperty("lab.processes.cds", "true"))) {
            return whole;
        }
        try {
            var jars = kitJars();
            if (jars.isEmpty()) {
                return whole;
            }
            var digest = digest(jars);
            var folder = folder();
            var mainJar = mainJar(folder.resolve("node-main-" + digest + ".jar"));
            var classpath = new ArrayList<>(jars);
            classpath.add(mainJar.toString());
            return new Launch(String.join(File.pathSeparator, classpath), mainJar, folder.resolve(digest + ".jsa"));
        } catch (IOException | RuntimeException e) {
            log.debug("Kafka nodes run on this JVM's classpath, without class sharing", e);
            return whole;
        }
    }

    /**
     * The jars of the kit's runtime classpath (written by its build), as this JVM has them; empty when one
     * is missing or differs (a week that overrides a version): that JVM's nodes then run as before.
     */
    private static List<String> kitJars() throws IOException {
        try (var in = NodeClassArchive.class.getResourceAsStream("node-classpath.txt")) {
            if (in == null) {
                return List.of();
            }
            var wanted = Stream.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim().split("[:;]"))
                    .filter(entry -> entry.endsWith(".jar")).map(entry -> Path.of(entry).getFileName().toString()).toList();
            var present = new LinkedHashMap<String, String>();
            for (var entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                if (entry.endsWith(".jar") && Files.isRegularFile(Path.of(entry))) {
                    present.putIfAbsent(Path.of(entry).getFileName().toString(), entry);
                }
            }
            var jars = new ArrayList<String>();
            for (var name : wanted) {
                var jar = present.get(name);
                if (jar == null) {
                    log.debug("{} of the kit's classpath is not on this JVM's: no class sharing for Kafka nodes", name);
                    return List.of();
                }
                jars.add(jar);
            }
            return jars;
        }
    }

    /**
     * The node's main class in a jar of its own: the JVM archives classes from jars only, and the kit's
     * classes may be a folder (in the kit's own build). Its name carries the digest, so it is written once.
     */
    private static Path mainJar(Path jar) throws IOException {
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        Files.createDirectories(jar.getParent());
        var unfinished = jar.resolveSibling(jar.getFileName() + ".part-" + ProcessHandle.current().pid());
        try (var out = new JarOutputStream(Files.newOutputStream(unfinished))) {
            for (var type : mainClasses()) {
                var entry = type.getName().replace('.', '/') + ".class";
                var zipEntry = new JarEntry(entry);
                zipEntry.setLastModifiedTime(FileTime.fromMillis(0));
                out.putNextEntry(zipEntry);
                out.write(classBytes(type));
                out.closeEntry();
            }
        }
        // The same bytes and the same time each time it is written: the JVM checks both before it maps an archive.
        Files.setLastModifiedTime(unfinished, FileTime.fromMillis(MAIN_JAR_TIME));
        Files.move(unfinished, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return jar;
    }

    private static List<Class<?>> mainClasses() {
        return MAIN_CLASSES.stream().flatMap(type -> Stream.of(type.getNestMembers())).distinct().toList();
    }

    private static byte[] classBytes(Class<?> type) {
        var resource = "/" + type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No class file for " + type.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void train(Path archive, List<String> baseOptions) {
        var started = System.nanoTime();
        var pid = ProcessHandle.current().pid();
        var dir = archive.resolveSibling("training-" + pid);
        var unfinished = archive.resolveSibling(archive.getFileName() + ".part-" + pid);
        try {
            removeOld(archive.getParent(), archive.getFileName().toString().replace(".jsa", ""));
            var node = trainingNode(dir, unfinished, baseOptions);
            node.format(Uuid.randomUuid().toString(), List.of());
            node.start();
            try {
                awaitStarted(node);
            } finally {
                node.stop(); // SIGTERM: the JVM writes the archive as it exits
            }
            if (Files.isRegularFile(unfinished) && Files.size(unfinished) > 0) {
                Files.move(unfinished, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                log.info("Kafka nodes started from now on map their classes from an archive (made in {} ms): {}",
                        (System.nanoTime() - started) / 1_000_000, archive);
            } else {
                log.warn("Kafka nodes start without a class-data archive: the training node wrote none (its log: {})", node.log());
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Kafka nodes start without a class-data archive (making it failed: {}); they only start slower", e.toString());
        } finally {
            Folders.deleteRecursively(dir);
            try {
                Files.deleteIfExists(unfinished);
            } catch (IOException e) {
                // removed with the old files of a later run
            }
        }
    }

    /** One node in both roles loads the classes of a broker and of a controller. */
    private static KafkaNodeProcess trainingNode(Path dir, Path unfinished, List<String> baseOptions) {
        var brokerPort = LabPorts.free();
        var controllerPort = LabPorts.free();
        var config = new HashMap<>(LabBrokerConfig.defaults(1));
        config.putAll(Map.of(
                "node.id", "1",
                "process.roles", "broker,controller",
                "controller.quorum.voters", "1@localhost:" + controllerPort,
                "controller.listener.names", "CONTROLLER",
                "listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort,
                "listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs", dir.resolve("data").toString()));
        // A node's JMX port stays its own: the trainer serves JMX on another, to load the same classes.
        var options = new ArrayList<>(baseOptions.stream().filter(option -> !option.startsWith("-Dcom.sun.management.jmxremote")).toList());
        var jmxPort = LabPorts.free();
        options.addAll(JavaService.jmxOptions(jmxPort));
        options.add("-XX:ArchiveClassesAtExit=" + unfinished);
        return new KafkaNodeProcess(1, Role.BROKER, brokerPort, jmxPort, dir, config, options, nodeClasspath(), false);
    }

    private static void awaitStarted(KafkaNodeProcess node) throws IOException {
        var deadline = System.currentTimeMillis() + TRAINING_TIMEOUT_MILLIS;
        while (!(Files.exists(node.log()) && Files.readString(node.log(), StandardCharsets.UTF_8).contains(STARTED))) {
            if (!node.isAlive() || System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the training node did not start: " + node.logTail(5));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /** Archives are 50 MB each: the newest few stay, with their main jars; leftovers of other runs go. */
    private static void removeOld(Path folder, String current) throws IOException {
        var mine = "-" + ProcessHandle.current().pid();
        List<Path> files;
        try (var listing = Files.list(folder)) {
            files = listing.filter(file -> !file.getFileName().toString().endsWith(mine)).toList();
        }
        var archives = files.stream().filter(file -> file.getFileName().toString().endsWith(".jsa"))
                .sorted(Comparator.comparing(NodeClassArchive::modified).reversed()).toList();
        var keptDigests = Stream.concat(Stream.of(current), archives.stream().limit(ARCHIVES_KEPT - 1)
                .map(file -> file.getFileName().toString().replace(".jsa", ""))).toList();
        var stale = System.currentTimeMillis() - 3_600_000;
        for (var file : files) {
            var name = file.getFileName().toString();
            var kept = keptDigests.stream().anyMatch(name::contains);
            var unfinishedOfOthers = name.contains(".part-") || name.startsWith("training-");
            if ((name.endsWith(".jsa") && !kept) || (unfinishedOfOthers && modified(file) < stale)) {
                Folders.deleteRecursively(file);
            }
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static Path folder() {
        var chosen = System.getProperty("lab.cds.dir");
        return chosen != null ? Path.of(chosen)
                : Path.of(System.getProperty("java.io.tmpdir"), "kafka-lab-" + System.getProperty("user.name"), "node-cds");
    }

    /** The JVM, every jar (path, size, time) and the main classes: what decides whether an archive fits. */
    private static String digest(List<String> jars) throws IOException {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            sha.update((System.getProperty("java.home") + "|" + System.getProperty("java.vm.version")).getBytes(StandardCharsets.UTF_8));
            for (var jar : jars) {
                var path = Path.of(jar);
                sha.update((jar + "|" + Files.size(path) + "|" + Files.getLastModifiedTime(path).toMillis())
                        .getBytes(StandardCharsets.UTF_8));
            }
            for (var type : mainClasses()) {
                sha.update(classBytes(type));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
