package org.hprofdiff.testdata.scenarios;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Parent side: runs a scenario in a child JVM and returns what it wrote. The child's class path is
 * wherever these classes were loaded from (the {@code testdata} classes folder in tests, the shaded
 * {@code hprof-diff.jar} in the demo), then the jars of the libraries a {@link RealWorldScenario}
 * needs ({@link ScenarioProgram#libraries()}), each found where this JVM loaded it from: a module
 * that runs such a scenario has the library as a test dependency. Jars a plugin bundles are not put
 * on the class path but named in the system property {@value LibraryJar#PLUGIN_BUNDLE_PROPERTY}.
 *
 * <pre>{@code
 * ScenarioRun run = ScenarioRunner.run(ScenarioLaunch.of(Scenario.CONNECTION_REAPER, Jdks.current(), 3, dir)
 *         .withJvmFlags(List.of("-XX:-UseCompressedOops")));
 * run.dumps();          // connection-reaper-1.hprof ... -3.hprof
 * run.histogram(3);     // GC.class_histogram just before the third dump
 * run.leaking();        // the designed growth per round
 * }</pre>
 *
 * The child's stdout and stderr go to {@code <scenario>-child.out.txt} and
 * {@code <scenario>-child.err.txt} in the output folder.
 */
public final class ScenarioRunner {

    /**
     * Flags every child gets before the caller's: a small heap keeps dumps small and the run fast.
     * A caller's own {@code -Xmx} comes later on the command line and wins.
     */
    public static final List<String> DEFAULT_JVM_FLAGS = List.of("-Xmx256m");
    /** Characters of the child's stderr quoted in a failure message (its end, where the cause is). */
    private static final int STDERR_TAIL_CHARS = 4000;

    private ScenarioRunner() {
    }

    /** Runs {@code scenario} with the default leak size, no interval and the default timeout. */
    public static ScenarioRun run(ScenarioProgram scenario, Path javaHome, List<String> jvmFlags, int rounds, Path outDir)
            throws IOException, InterruptedException {
        return run(ScenarioLaunch.of(scenario, javaHome, rounds, outDir).withJvmFlags(jvmFlags));
    }

    /**
     * Starts the child, waits for it, and reads its manifest.
     *
     * @throws ScenarioFailedException when the child exits with an error, runs past the timeout
     *                                 (it is killed) or leaves no readable manifest; the message
     *                                 names the command and quotes the end of its stderr
     */
    public static ScenarioRun run(ScenarioLaunch launch) throws IOException, InterruptedException {
        Path outDir = launch.outDir().toAbsolutePath();
        Files.createDirectories(outDir);
        String name = launch.scenario().id();
        Path stdout = outDir.resolve(name + "-child.out.txt");
        Path stderr = outDir.resolve(name + "-child.err.txt");
        List<String> command = command(launch, outDir, ScenarioRunner.class.getClassLoader());

        long started = System.nanoTime();
        Process child = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        boolean finished;
        try {
            finished = child.waitFor(launch.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            kill(child);
            throw e;
        }
        if (!finished) {
            kill(child);
            throw new ScenarioFailedException(describe(launch, command) + " did not finish within "
                    + launch.timeout().toSeconds() + " s and was killed" + stderrTail(stderr));
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        if (child.exitValue() != 0) {
            throw new ScenarioFailedException(describe(launch, command) + " exited with status " + child.exitValue()
                    + " after " + seconds + " s" + stderrTail(stderr));
        }
        Path manifest = ScenarioManifest.path(outDir, launch.scenario());
        if (!Files.isRegularFile(manifest)) {
            throw new ScenarioFailedException(describe(launch, command) + " exited normally but wrote no "
                    + manifest + stderrTail(stderr));
        }
        return ScenarioManifest.read(manifest);
    }

    /**
     * The child's command line; library jars are looked up in {@code libraries}.
     *
     * @throws IllegalStateException naming the artifact when a library the scenario needs is missing
     */
    static List<String> command(ScenarioLaunch launch, Path outDir, ClassLoader libraries) {
        Set<Path> classPath = new LinkedHashSet<>();
        classPath.add(testdataClasspath());
        Set<Path> pluginBundle = new LinkedHashSet<>();
        for (LibraryJar library : launch.scenario().libraries()) {
            (library.placement() == LibraryJar.Placement.CLASS_PATH ? classPath : pluginBundle)
                    .add(library.locate(libraries));
        }
        List<String> command = new ArrayList<>();
        command.add(Jdks.javaExecutable(launch.javaHome()).toString());
        command.addAll(DEFAULT_JVM_FLAGS);
        if (!pluginBundle.isEmpty()) {
            command.add("-D" + LibraryJar.PLUGIN_BUNDLE_PROPERTY + "=" + joined(pluginBundle));
        }
        command.addAll(launch.jvmFlags());
        command.add("-cp");
        command.add(joined(classPath));
        command.add(ScenarioMain.class.getName());
        command.add(launch.scenario().id());
        command.add(Integer.toString(launch.rounds()));
        command.add(outDir.toString());
        command.add("--leak-per-round");
        command.add(Integer.toString(launch.leakPerRound()));
        command.add("--interval-ms");
        command.add(Long.toString(launch.intervalMillis()));
        return command;
    }

    private static String joined(Set<Path> paths) {
        return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
    }

    /** The folder or jar these classes were loaded from: the child's whole class path for a {@link Scenario}. */
    public static Path testdataClasspath() {
        CodeSource source = ScenarioMain.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("cannot tell where " + ScenarioMain.class.getName()
                    + " was loaded from, so cannot give the child JVM a class path");
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("class path location " + source.getLocation() + " is not a file", e);
        }
    }

    private static void kill(Process child) throws InterruptedException {
        child.descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly();
        child.waitFor(10, TimeUnit.SECONDS);
    }

    private static String describe(ScenarioLaunch launch, List<String> command) {
        return "scenario " + launch.scenario().id() + " (child JVM: " + String.join(" ", command) + ")";
    }

    private static String stderrTail(Path stderr) {
        String text;
        try {
            text = new String(Files.readAllBytes(stderr), StandardCharsets.UTF_8); // lenient: the child writes in its own charset
        } catch (IOException e) {
            return "; its stderr (" + stderr + ") could not be read: " + e.getMessage();
        }
        if (text.isBlank()) {
            return "; its stderr was empty";
        }
        String tail = text.length() > STDERR_TAIL_CHARS ? "..." + text.substring(text.length() - STDERR_TAIL_CHARS) : text;
        return "; its stderr (" + stderr + "):\n" + tail.strip();
    }
}
