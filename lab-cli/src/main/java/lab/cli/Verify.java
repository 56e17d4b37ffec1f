package lab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import lab.kit.process.BoundedProcess;
import lab.kit.results.ResultsFile;
import lab.kit.results.TestResult;

/**
 * {@code ./lab verify}, the README's test command and what CI runs: the solution track with the kit's
 * own tests, the learner track on the untouched stubs, the Compose files, the containers path (where a
 * Docker API answers), the wrong solutions and the stub check; then one closing line of totals that CI
 * reads.
 */
final class Verify {

    private final Path root;
    private final PrintStream out;
    private final Maven maven;
    private final List<String> timings = new ArrayList<>();
    private long started;

    Verify(Path root, PrintStream out) {
        this.root = root;
        this.out = out;
        this.maven = new Maven(root, out);
    }

    boolean run() throws IOException, InterruptedException {
        started = System.nanoTime();
        var weeks = ExerciseCatalog.weekModules(root).stream().map(m -> m.getFileName().toString()).collect(Collectors.joining(","));
        if (weeks.isEmpty()) {
            throw new IllegalStateException("no week module with src/exercise/java under " + root);
        }
        clearResults();
        var ok = true;

        // The weeks' test classpaths are written before each week's tests, for the wrong solutions of step 4:
        // a week whose tests fail still gets its catalog run. A failing test does not stop the build (every
        // week depends on the kit, so one failing kit test would hide every week): the results files judge.
        ok &= step("1/6 Solution track: the kit's tests and every exercise test on the reference solutions",
                "verify -Psolutions", List.of("-B", "-ntp", "-fae", "dependency:build-classpath", "verify", "-Psolutions",
                        "-Dmdep.outputFile=target/lab-test-classpath.txt", "-Dmdep.includeScope=test",
                        "-Dmaven.test.failure.ignore=true"))
                & solutionTrackPassed();
        ok &= step("2/6 Learner track: every exercise test on the untouched stubs (these failures are expected)",
                "test -pl " + weeks + " -am -Dmaven.test.failure.ignore=true",
                List.of("-B", "-ntp", "test", "-pl", weeks, "-am", "-Dmaven.test.failure.ignore=true"));
        ok &= composeFiles();
        ok &= containers();
        ok &= wrongSolutions();

        out.println("== 6/6 Stub check");
        var stepStart = System.nanoTime();
        ok &= new StubCheck().run(root, out);
        timings.add(String.format("stub check %.0f s", seconds(stepStart)));

        failedOnSolutions().forEach(result -> out.println("verify: failed on the solution track: " + result.testClass()
                + " > " + result.displayName() + ": " + firstLine(result.message())));
        out.printf("verify: %s in %.0f s (%s); the solution track's tests:%n", ok ? "OK" : "FAILED", seconds(started),
                String.join(", ", timings));
        out.println(totals(ok));
        return ok;
    }

    private boolean step(String title, String shown, List<String> arguments) throws IOException, InterruptedException {
        out.println("== " + title);
        maven.show(shown);
        var stepStart = System.nanoTime();
        var exit = maven.run(arguments);
        timings.add(String.format("step %s %.0f s", title.substring(0, 3), seconds(stepStart)));
        return exit == 0;
    }

    private boolean wrongSolutions() throws IOException, InterruptedException {
        var share = CatalogShare.forVerify(root);
        out.println("== 5/6 Wrong solutions: each catalogued mistake fails its exercise's tests with the message it names"
                + (share.isAll() ? "" : "; share " + share + " of each week's catalog, by the commit count (LAB_WRONG_SHARE=all for all)"));
        out.println("  $ ./lab wrong");
        var stepStart = System.nanoTime();
        var ok = new WrongSolutionCheck(root, out).run(ExerciseCatalog.weekModules(root), null, share);
        timings.add(String.format("wrong solutions %.0f s", seconds(stepStart)));
        return ok;
    }

    private boolean composeFiles() throws IOException, InterruptedException {
        out.println("== 3/6 Compose files in docker/");
        var script = root.resolve("docker/validate.sh");
        var windows = System.getProperty("os.name").toLowerCase().startsWith("windows");
        if (!Files.isExecutable(script) || windows || !(onPath("docker-compose") || dockerComposeAnswers())) {
            out.println("   not checked here: docker-compose is not installed (CI installs it; apt-get install docker-compose)");
            return true;
        }
        out.println("  $ docker/validate.sh");
        return new ProcessBuilder(script.toString()).directory(root.toFile()).inheritIO().start().waitFor() == 0;
    }

    /**
     * Where a Docker API answers (Docker, or Podman's: docker/engine/start), the containers path for real:
     * the kit's broker tests and weeks 1 and 2 on {@code -Dlab.broker=containers}, then the Compose files
     * started, used and removed by docker/smoke.sh.
     */
    private boolean containers() throws IOException, InterruptedException {
        out.println("== 4/6 Containers: the kit, weeks 1 and 2 on -Dlab.broker=containers; the Compose files started");
        if (!dockerAnswers()) {
            out.println("   not run here: no Docker API answers (docker info). docker/engine/start gives one with Podman;"
                    + " CI runs it");
            return true;
        }
        var stepStart = System.nanoTime();
        maven.show("test -Psolutions -pl labkit-test,week01-fundamentals,week02-mechanics -Dlab.broker=containers");
        // Its outcomes go to their own folder: the totals and the stub check count the embedded run.
        var ok = maven.run(List.of("-B", "-ntp", "test", "-Psolutions", "-pl",
                "labkit-test,week01-fundamentals,week02-mechanics", "-Dlab.broker=containers",
                "-Dlab.results.name=lab-results-containers")) == 0;
        timings.add(String.format("containers tests %.0f s", seconds(stepStart)));
        var script = root.resolve("docker/smoke.sh");
        if (!(onPath("docker-compose") || dockerComposeAnswers())) {
            out.println("   Compose files not started: docker-compose is not installed (apt-get install docker-compose)");
            return ok;
        }
        out.println("  $ docker/smoke.sh");
        var composeStart = System.nanoTime();
        ok &= new ProcessBuilder(script.toString()).directory(root.toFile()).inheritIO().start().waitFor() == 0;
        timings.add(String.format("compose smoke %.0f s", seconds(composeStart)));
        return ok;
    }

    /** Docker's CLI, or Podman's at the socket DOCKER_HOST names (a machine with Podman and no docker CLI). */
    private static boolean dockerAnswers() {
        var dockerHost = System.getenv("DOCKER_HOST");
        return answers(List.of("docker", "info"))
                || dockerHost != null && answers(List.of("podman", "--remote", "--url", dockerHost, "info"));
    }

    /** The Compose plugin of a Docker CLI ({@code docker compose version}), as validate.sh would use it. */
    private static boolean dockerComposeAnswers() {
        return answers(List.of("docker", "compose", "version"));
    }

    private static boolean answers(List<String> command) {
        try {
            return BoundedProcess.run(command, "", java.time.Duration.ofSeconds(10), false)
                    .filter(outcome -> outcome.exitCode() == 0).isPresent();
        } catch (IOException e) {
            return false; // no docker command
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean onPath(String program) {
        var path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(java.io.File.pathSeparator)).anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    /** Results of an earlier run must not count for this one. */
    private void clearResults() throws IOException {
        for (var file : resultsFiles(List.of("exercise", "solution"))) {
            Files.deleteIfExists(file);
        }
    }

    /** The kit's results files (target/lab-results) and the weeks' per track (target/<track>/lab-results). */
    private List<Path> resultsFiles(List<String> weekTracks) throws IOException {
        var files = new ArrayList<Path>();
        try (Stream<Path> modules = Files.list(root)) {
            for (var module : modules.filter(Files::isDirectory).sorted().toList()) {
                if (Files.isDirectory(module.resolve(Exercise.EXERCISE_SOURCES))) {
                    weekTracks.forEach(track -> files.add(ResultsFile.of(module, track)));
                } else if (Files.exists(module.resolve("pom.xml"))) {
                    files.add(module.resolve("target/lab-results").resolve(ResultsFile.NAME));
                }
            }
        }
        return files;
    }

    private boolean solutionTrackPassed() throws IOException {
        var failed = failedOnSolutions();
        if (!failed.isEmpty()) {
            out.println("verify: " + failed.size() + " test(s) failed on the solution track (named at the end)");
        }
        return failed.isEmpty();
    }

    private List<TestResult> failedOnSolutions() throws IOException {
        var failed = new ArrayList<TestResult>();
        for (var file : resultsFiles(List.of("solution"))) {
            ResultsFile.read(file).stream().filter(r -> r.status() == TestResult.Status.FAILED).forEach(failed::add);
        }
        return failed;
    }

    private static String firstLine(String message) {
        var line = message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    /** "verify: N passed, M failed": the solution track's tests and the kit's; a failed step counts once more. */
    private String totals(boolean ok) throws IOException {
        var results = new ArrayList<TestResult>();
        for (var file : resultsFiles(List.of("solution"))) {
            results.addAll(ResultsFile.read(file));
        }
        var passed = results.stream().filter(r -> r.status() == TestResult.Status.PASSED).count();
        var failed = results.stream().filter(r -> r.status() == TestResult.Status.FAILED).count();
        var skipped = results.size() - passed - failed;
        if (!ok && failed == 0) {
            failed = 1;
        }
        return "verify: " + passed + " passed, " + failed + " failed" + (skipped > 0 ? ", " + skipped + " skipped" : "");
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
