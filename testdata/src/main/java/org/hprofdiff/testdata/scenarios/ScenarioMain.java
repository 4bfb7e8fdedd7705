package org.hprofdiff.testdata.scenarios;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Child side: runs a scenario for some rounds and after each one writes the JVM's class histogram
 * and a heap dump, then a manifest. Started by {@link ScenarioRunner}; by hand:
 *
 * <pre>
 * java -Xmx256m -cp &lt;testdata classes or hprof-diff.jar&gt; org.hprofdiff.testdata.scenarios.ScenarioMain \
 *      &lt;scenario&gt; &lt;rounds&gt; &lt;outDir&gt; [--leak-per-round N] [--interval-ms MS]
 * </pre>
 * A {@link RealWorldScenario} also needs its libraries on the class path (the
 * {@link LibraryJar.Placement#CLASS_PATH} ones) or in {@code -D}{@value LibraryJar#PLUGIN_BUNDLE_PROPERTY}
 * (the {@link LibraryJar.Placement#PLUGIN_BUNDLE} ones); {@link ScenarioRunner} adds both.
 *
 * Files written to {@code outDir} ({@code <name>} is the scenario's id, e.g. {@code connection-reaper}):
 * {@code <name>-0.histo.txt} (before round 1), {@code <name>-<r>.histo.txt},
 * {@code <name>-<r>.loaders.txt} and {@code <name>-<r>.hprof} for each round r, and
 * {@code <name>-manifest.properties} at the end. A workload may keep files of its own in
 * {@code <name>-work/} (the plugin scenarios' plugin jar).
 * Existing files of those names are replaced. Exit status: 0 done, 2 bad arguments, 1 failure
 * (stack trace on stderr).
 */
public final class ScenarioMain {

    static final int EXIT_USAGE = 2;
    static final String USAGE = "usage: ScenarioMain <scenario> <rounds> <outDir> [--leak-per-round N] [--interval-ms MS]";

    private ScenarioMain() {
    }

    /** What the command line asks for. */
    record Arguments(ScenarioProgram scenario, int rounds, Path outDir, int leakPerRound, long intervalMillis) {

        static Arguments parse(String[] args) {
            if (args.length < 3) {
                throw new IllegalArgumentException("expected <scenario> <rounds> <outDir>");
            }
            ScenarioProgram scenario = ScenarioProgram.fromId(args[0]);
            int rounds = positive("rounds", args[1]);
            int leakPerRound = scenario.defaultLeakPerRound();
            long intervalMillis = 0;
            for (int i = 3; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                switch (args[i]) {
                    case "--leak-per-round" -> leakPerRound = nonNegative(args[i], args[i + 1]);
                    case "--interval-ms" -> intervalMillis = nonNegative(args[i], args[i + 1]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Arguments(scenario, rounds, Path.of(args[2]), leakPerRound, intervalMillis);
        }

        private static int positive(String what, String value) {
            int n = nonNegative(what, value);
            if (n == 0) {
                throw new IllegalArgumentException(what + " must be at least 1");
            }
            return n;
        }

        private static int nonNegative(String what, String value) {
            try {
                int n = Integer.parseInt(value);
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(what + ": expected a whole number >= 0, found '" + value + "'");
        }
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("ScenarioMain: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(EXIT_USAGE);
            return;
        }
        run(arguments);
        System.exit(0); // the scenario's daemon threads would not keep the JVM alive, but be explicit
    }

    static void run(Arguments a) throws IOException, InterruptedException {
        String name = a.scenario().id();
        Path outDir = a.outDir().toAbsolutePath();
        Files.createDirectories(outDir);
        // Everything a round's bookkeeping needs exists before round 1, so no object of the
        // bookkeeping's own appears or grows in the histograms as the rounds go by.
        Path[] histograms = new Path[a.rounds() + 1];
        Path[] loaderListings = new Path[a.rounds() + 1];
        Path[] dumps = new Path[a.rounds() + 1];
        String[] dumpFileNames = new String[a.rounds() + 1]; // Path.toString() would cache a new String per round
        long[] dumpedAtMillis = new long[a.rounds() + 1];
        for (int r = 0; r <= a.rounds(); r++) {
            histograms[r] = outDir.resolve(name + "-" + r + ".histo.txt");
            histograms[r].toString(); // a Path caches its String on first use: the file I/O would make one per round
            loaderListings[r] = outDir.resolve(name + "-" + r + ".loaders.txt");
            loaderListings[r].toString();
            Files.deleteIfExists(loaderListings[r]);
            dumps[r] = outDir.resolve(name + "-" + r + ".hprof");
            dumpFileNames[r] = dumps[r].toString();
            Files.deleteIfExists(histograms[r]);
            Files.deleteIfExists(dumps[r]); // dumpHeap refuses to overwrite
        }
        Path manifest = ScenarioManifest.path(outDir, a.scenario());
        Files.deleteIfExists(manifest);

        HeapSnapshotter snapshotter = HeapSnapshotter.start(histograms[0]);
        Workload workload = a.scenario().newWorkload(a.leakPerRound(), outDir.resolve(name + "-work"));
        for (int r = 1; r <= a.rounds(); r++) {
            if (r > 1 && a.intervalMillis() > 0) {
                Thread.sleep(a.intervalMillis());
            }
            workload.runRound(r);
            dumpedAtMillis[r] = snapshotter.histogramThenDump(histograms[r], loaderListings[r], dumpFileNames[r]);
        }
        // The churn's objects are held by this frame only; keep them reachable through the last dump.
        Reference.reachabilityFence(workload);

        List<RoundDump> rounds = new ArrayList<>();
        for (int r = 1; r <= a.rounds(); r++) {
            rounds.add(new RoundDump(r, dumps[r], histograms[r], loaderListings[r], Instant.ofEpochMilli(dumpedAtMillis[r])));
        }
        ScenarioManifest.write(new ScenarioRun(a.scenario(), a.leakPerRound(), System.getProperty("java.version"),
                ManagementFactory.getRuntimeMXBean().getInputArguments(), rounds,
                workload.expectedCounts(a.rounds()), workload.expectedLoaders(a.rounds()), histograms[0], manifest));
    }
}
