package lab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ./lab wrong [week|exercise]} and step 5 of {@code ./lab verify}: checks each week's catalog of
 * wrong solutions ({@link WrongSolutions}) against the manifest and the hints (each failure it names is
 * quoted in its exercise's HINTS.md section, so the hints show the messages a learner will meet), then
 * runs them, one JVM per week ({@link WrongSolutionRunner}).
 */
final class WrongSolutionCheck {

    /** Exercises with fewer wrong solutions than this are named in the report. */
    static final int WANTED_PER_EXERCISE = 2;

    private final Path root;
    private final PrintStream out;
    private final List<String> problems = new ArrayList<>();

    WrongSolutionCheck(Path root, PrintStream out) {
        this.root = root;
        this.out = out;
    }

    /**
     * Runs the catalogs of {@code modules}, limited to one exercise when {@code exercise} is given; the
     * solution track and the classpath files must be built. True when every wrong solution is caught.
     */
    boolean run(List<Path> modules, String exercise, CatalogShare share) throws IOException, InterruptedException {
        var catalog = ExerciseCatalog.of(root);
        var allOk = true;
        var total = 0;
        var catalogued = 0;
        for (var module : modules) {
            var wrongs = WrongSolutions.read(module);
            var ofExercise = share.of(wrongs.stream().filter(w -> exercise == null || w.exercise().equals(exercise)).toList());
            validate(catalog, module, wrongs);
            coverage(catalog, module, wrongs);
            catalogued += wrongs.size();
            if (ofExercise.isEmpty()) {
                continue;
            }
            total += ofExercise.size();
            allOk &= runWeek(module, exercise, share);
        }
        problems.forEach(problem -> out.println("PROBLEM: " + problem));
        var ran = share.isAll() ? total + " run" : total + " run (share " + share + " of the " + catalogued
                + " catalogued; ./lab wrong runs them all)";
        out.println("wrong solutions: " + ran + ", " + (allOk && problems.isEmpty() ? "all caught" : "not all caught as the catalog says"));
        return allOk && problems.isEmpty();
    }

    private void validate(ExerciseCatalog catalog, Path module, List<WrongSolutions.Wrong> wrongs) {
        var ids = new java.util.HashSet<String>();
        for (var wrong : wrongs) {
            var where = module.getFileName() + "/" + WrongSolutions.FILE + ", '" + wrong.id() + "'";
            if (!ids.add(wrong.id())) {
                problems.add(where + ": the id is used twice.");
            }
            Exercise exercise;
            try {
                exercise = catalog.exercise(wrong.exercise());
            } catch (IllegalArgumentException e) {
                problems.add(where + ": " + e.getMessage());
                continue;
            }
            var solutions = exercise.stubs().stream().map(Exercise::solutionOf).map(Path::toString).toList();
            wrong.changes().stream().map(WrongSolutions.Change::file).filter(file -> !solutions.contains(file))
                    .forEach(file -> problems.add(where + " changes " + file + ", which is not a solution file of exercise "
                            + exercise.id() + " " + solutions + "."));
            if (!Hints.section(exercise).contains(wrong.failsWith())) {
                problems.add(module.getFileName() + "/HINTS.md, section " + exercise.id() + ", does not quote the failure of '"
                        + wrong.id() + "': \"" + wrong.failsWith() + "\" (add it under \"Failures you may see\").");
            }
        }
    }

    private void coverage(ExerciseCatalog catalog, Path module, List<WrongSolutions.Wrong> wrongs) {
        var perExercise = new TreeMap<String, Integer>();
        catalog.inModule(module).forEach(exercise -> perExercise.put(exercise.id(), 0));
        wrongs.forEach(wrong -> perExercise.computeIfPresent(wrong.exercise(), (id, n) -> n + 1));
        var few = perExercise.entrySet().stream().filter(e -> e.getValue() < WANTED_PER_EXERCISE).map(Map.Entry::getKey).toList();
        out.printf("%s: %d wrong solutions for %d exercises%s%n", module.getFileName(), wrongs.size(), perExercise.size(),
                few.isEmpty() ? "" : "; fewer than " + WANTED_PER_EXERCISE + " for " + few);
    }

    private boolean runWeek(Path module, String exercise, CatalogShare share) throws IOException, InterruptedException {
        var classpathFile = module.resolve("target/lab-test-classpath.txt");
        if (!Files.exists(classpathFile)) {
            problems.add(module.getFileName() + " has no target/lab-test-classpath.txt: ./lab verify writes it in step 1,"
                    + " ./lab wrong in its Maven run.");
            return false;
        }
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var classpath = Classpaths.weekThenCommand(root, Files.readString(classpathFile), System.getProperty("java.class.path"));
        var command = new ArrayList<>(List.of(java, "-D" + CatalogShare.PROPERTY + "=" + share, "-cp", classpath,
                WrongSolutionRunner.class.getName(), root.toString(),
                module.getFileName().toString()));
        if (exercise != null) {
            command.add(exercise);
        }
        return new ProcessBuilder(command).directory(root.toFile()).inheritIO().start().waitFor() == 0;
    }

    /** {@code ./lab wrong [target]}: builds the solution track of the weeks concerned, then runs their catalogs. */
    static boolean command(Path root, String target, CatalogShare share, PrintStream out) throws IOException, InterruptedException {
        var catalog = ExerciseCatalog.of(root);
        List<Path> modules = target == null ? ExerciseCatalog.weekModules(root)
                : List.of(catalog.select(target).get(0).module());
        var exercise = target != null && ExerciseCatalog.isExercise(target) ? catalog.exercise(target).id() : null;
        var names = String.join(",", modules.stream().map(m -> m.getFileName().toString()).toList());
        out.println("Building the solution track of " + names + " ...");
        var maven = new Maven(root, out);
        maven.show("test-compile dependency:build-classpath -Psolutions -pl " + names + " -am");
        var log = root.resolve("target/lab-wrong.log");
        var exit = maven.runLogged(List.of("-q", "-B", "-ntp", "test-compile", "dependency:build-classpath", "-Psolutions",
                "-pl", names, "-am", "-Dmdep.outputFile=target/lab-test-classpath.txt", "-Dmdep.includeScope=test"), log, line -> { });
        if (exit != 0) {
            out.println("The solution track does not build; see " + root.relativize(log));
            return false;
        }
        return new WrongSolutionCheck(root, out).run(modules, exercise, share);
    }
}
