package lab.cli;

import java.nio.file.Path;
import java.util.List;

import lab.kit.process.KafkaCli;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./lab}: the learner's command. Each subcommand is a thin layer over Maven and the kit and prints
 * the plain Maven command beneath it; {@code lab} and {@code lab.cmd} only start this class (through
 * {@link Launch}). Exit codes: 0 done, 1 a check failed (tests, the stub check, the doctor), 2 bad input.
 */
@Command(name = "./lab", mixinStandardHelpOptions = true, versionProvider = Lab.Version.class,
        description = "Kafka Lab: exercises against a real Kafka broker. Plain ./lab shows your progress.",
        subcommands = {CommandLine.HelpCommand.class, AutoComplete.GenerateCompletion.class},
        footer = {"", "The learner's own loop is plain Maven:",
            "  ./mvnw test -pl week01-fundamentals -am                  # your work in week 1",
            "  ./mvnw test -pl week01-fundamentals -am -Dgroups=ex1.2   # just exercise 1.2"})
public final class Lab implements Runnable {

    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    private final Path root;

    Lab(Path root) {
        this.root = root;
    }

    public static void main(String[] args) {
        var root = Path.of(System.getProperty("lab.root", ".")).toAbsolutePath().normalize();
        System.exit(commandLine(root).execute(args));
    }

    /** The command line of the lab at {@code root}: bad input and refused requests exit 2 with their message. */
    static CommandLine commandLine(Path root) {
        var commandLine = new CommandLine(new Lab(root));
        commandLine.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(true);
        // Everything after the tool's name is the tool's own ("--bootstrap-server ..."), not ./lab's options.
        commandLine.getSubcommands().get("tool").setStopAtPositional(true);
        commandLine.addSubcommand("load", new LoadCommand(root));
        commandLine.setExecutionExceptionHandler((exception, line, parsed) -> {
            if (exception instanceof IllegalArgumentException || exception instanceof IllegalStateException) {
                line.getErr().println(exception.getMessage());
                return BAD_INPUT;
            }
            throw exception;
        });
        return commandLine;
    }

    /** Plain ./lab: the progress. */
    @Override
    public void run() {
        progress();
    }

    @Command(name = "progress", description = "Where you are: every exercise's state, per week and overall, and what is"
            + " next. From your last runs, so it is instant.")
    void progress() {
        Progress.print(root, System.out);
    }

    @Command(name = "check", description = "Run your work on a real broker: a week (1, week02) or one exercise (1.2)."
            + " Prints which exercises pass, and for a failing one its message and its TODO.")
    int check(@Parameters(paramLabel = "<week|exercise>", description = "e.g. 1, week02 or 1.2") String target)
            throws Exception {
        return new CheckRun(root, System.out).run(target) ? 0 : FAILED;
    }

    @Command(name = "hint", description = "One hint level from the week's HINTS.md: 1 a nudge, 2 the API, 3 the shape.")
    void hint(@Parameters(paramLabel = "<exercise>") String exercise,
              @Parameters(paramLabel = "[level]", defaultValue = "1", description = "1, 2 or 3 (default 1)") int level) {
        System.out.println(Hints.show(catalog().exercise(exercise), level));
    }

    @Command(name = "solution", description = "How the reference solution differs from the stub, once your exercise passes.")
    void solution(@Parameters(paramLabel = "<exercise>") String exercise,
                  @Option(names = "--force", description = "show it now, even if the exercise does not pass yet") boolean force) {
        Solution.show(root, catalog().exercise(exercise), force, System.out);
    }

    @Command(name = "reset", description = "Put an exercise's stub back; your version is kept in .lab/backups/.")
    void reset(@Parameters(paramLabel = "<exercise>") String exercise) {
        Reset.reset(root, catalog().exercise(exercise), System.out);
    }

    @Command(name = "doctor", description = "Check this machine: Java, Maven, port 9092, Docker or Podman, disk; and what to do.")
    int doctor() {
        return new Doctor(root, System.out).run() ? 0 : FAILED;
    }

    @Command(name = "prometheus", description = "Install Prometheus and Alertmanager for week 7 (Debian or Ubuntu"
            + " packages; elsewhere it says what to do): ./lab prometheus install")
    int prometheus(@Parameters(paramLabel = "install", description = "install") String action) throws Exception {
        if (!"install".equals(action)) {
            System.out.println("./lab prometheus install: the only action is install");
            return FAILED;
        }
        var install = new ProcessBuilder("bash", root.resolve("monitoring/install").toString()).inheritIO().start();
        return install.waitFor() == 0 ? 0 : FAILED;
    }

    @Command(name = "workbook", description = "Write a learner copy without solutions (for workshops), as a new git repository.")
    void workbook(@Parameters(paramLabel = "<folder>", description = "a folder that does not exist yet") Path folder)
            throws Exception {
        Workbook.write(root, folder, System.out);
    }

    @Command(name = "watch", description = "Re-run the tests each time you save a file of the week (default: your next"
            + " exercise), with the broker kept warm: a re-run takes seconds.")
    int watch(@Parameters(paramLabel = "[week|exercise]", arity = "0..1") String target) throws Exception {
        return Watch.start(root, target == null ? Check.next(root) : target, System.out);
    }

    @Command(name = "grade", description = "Run a learner's copy (default: this one) and report which exercises pass"
            + " (a table, and target/lab-grade.json).")
    int grade(@Parameters(paramLabel = "[folder]", arity = "0..1") Path copy) throws Exception {
        return Grade.run(copy == null ? root : copy.toAbsolutePath().normalize(), System.out);
    }

    @Command(name = "broker", description = "A Kafka broker to play with on localhost:9092 (no Docker); Ctrl-C stops it.")
    int broker(@Option(names = "--port", defaultValue = "9092", description = "the port (default 9092)") int port)
            throws InterruptedException {
        System.setProperty("lab.log.dir", root.resolve("target").toString());
        return LocalBroker.run(port);
    }

    @Command(name = "tool", description = "Kafka's own command-line tools, e.g. ./lab tool kafka-topics --bootstrap-server"
            + " localhost:9092 --list (kafka-topics, kafka-console-producer, kafka-console-consumer, kafka-consumer-groups,"
            + " kafka-configs, kafka-get-offsets, kafka-metadata-quorum, kafka-producer-perf-test, ...)")
    void tool(@Parameters(paramLabel = "<tool>") String tool,
              @Parameters(paramLabel = "[args]", arity = "0..*", description = "the tool's own arguments") List<String> args)
            throws Exception {
        System.setProperty("lab.log.dir", root.resolve("target/cli").toString());
        KafkaCli.runHere(KafkaCli.Tool.named(tool), args == null ? List.of() : args);
    }

    @Command(name = "verify", description = "The test command: the solution track (every test passes), the learner track"
            + " (every exercise test fails on the stubs), the Compose files, and the stub check of both.")
    int verify() throws Exception {
        return new Verify(root, System.out).run() ? 0 : FAILED;
    }

    @Command(name = "wrong", description = "Apply each wrong solution of the weeks' catalogs (wrong-solutions.toml) to"
            + " the reference solution and prove its exercise's tests fail with the message it names.")
    int wrong(@Parameters(paramLabel = "[week|exercise]", arity = "0..1") String target,
              @Option(names = "--share", paramLabel = "k/n", defaultValue = "all",
                      description = "only every n-th wrong solution of each week, from the k-th (verify runs 1/2 or 2/2)")
              String share) throws Exception {
        return WrongSolutionCheck.command(root, target, CatalogShare.parse(share), System.out) ? 0 : FAILED;
    }

    @Command(name = "stubcheck", hidden = true, description = "Only the stub check, on the results already there.")
    int stubcheck() {
        return new StubCheck().run(root, System.out) ? 0 : FAILED;
    }

    @Command(name = "stop", description = "Stop the warm test JVMs that ./lab check keeps for fast re-runs.")
    void stop() throws Exception {
        CheckDaemon.stopAll(root, System.out);
    }

    @Command(name = "benchmark", hidden = true, description = "Times ./lab check of one exercise: one cold run (no warm"
            + " JVM), then warm ones; for the README's figures.")
    void benchmark(@Parameters(paramLabel = "<exercise>") String exercise,
                   @Option(names = "--runs", defaultValue = "5", description = "warm runs (default 5)") int runs) throws Exception {
        CheckBenchmark.run(root, exercise, runs, System.out);
    }

    private ExerciseCatalog catalog() {
        return ExerciseCatalog.of(root);
    }

    /** ./lab --version: the lab's Kafka version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Kafka Lab, Apache Kafka " + lab.kit.broker.ContainerCluster.kafkaVersion()};
        }
    }
}
