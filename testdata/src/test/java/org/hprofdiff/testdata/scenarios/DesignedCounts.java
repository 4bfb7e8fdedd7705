package org.hprofdiff.testdata.scenarios;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks every scenario run gets against the JVM's own ground truth: the class histogram taken
 * just before each dump and the class-loader listing taken between the two.
 */
final class DesignedCounts {

    private static final String SCENARIO_PACKAGE = "org.hprofdiff.testdata.";

    private DesignedCounts() {
    }

    /** Files, designed counts, designed loaders, and that nothing else of ours grows. */
    static void assertMatchGroundTruth(ScenarioRun run) throws IOException {
        int rounds = run.rounds().size();
        List<ClassHistogram> histograms = histograms(run);
        for (int r = 1; r <= rounds; r++) {
            assertIsHeapDump(run.round(r));
            ClassHistogramTest.assertTotalsMatchRows(histograms.get(r - 1));
            if (r > 1) {
                long interval = run.round(r).dumpedAt().toEpochMilli() - run.round(r - 1).dumpedAt().toEpochMilli();
                assertTrue(interval >= 0, "dump times in round order");
            }
        }
        assertTrue(Files.isRegularFile(run.baselineHistogram()));

        for (ExpectedCount expected : run.expected()) {
            if (expected.basis() == ExpectedCount.Basis.EXACT) {
                for (int r = 1; r <= rounds; r++) {
                    assertEquals(expected.at(r), histograms.get(r - 1).instances(expected.className()),
                            expected + " after round " + r + " of " + run.scenario().id());
                }
            }
        }
        // Classes the JVM also makes: the histogram's growth includes the scenario's.
        Map<String, List<ExpectedCount>> added = run.expected().stream()
                .filter(e -> e.basis() == ExpectedCount.Basis.ADDED)
                .collect(Collectors.groupingBy(ExpectedCount::className));
        for (Map.Entry<String, List<ExpectedCount>> byClass : added.entrySet()) {
            for (int r = 2; r <= rounds; r++) {
                int round = r;
                long designed = byClass.getValue().stream().mapToLong(e -> e.growth(round - 1, round)).sum();
                long seen = histograms.get(r - 1).instances(byClass.getKey())
                        - histograms.get(r - 2).instances(byClass.getKey());
                assertTrue(seen >= designed - jvmNoise(designed), byClass.getValue() + ": histogram grew by "
                        + seen + " from round " + (r - 1) + " to " + r + ", designed " + designed);
            }
        }
        assertDesignedLoaders(run, histograms);
        if (rounds < 3) {
            return; // over two rounds the filling cache rises too: telling growth from filling needs three
        }
        // No class of ours grows round after round unless it is a designed leak (bookkeeping must not leak).
        Set<String> leaking = run.leaking().stream().map(ExpectedCount::className).collect(Collectors.toSet());
        for (String className : steadilyGrowing(histograms)) {
            assertTrue(leaking.contains(className) || !className.startsWith(SCENARIO_PACKAGE),
                    className + " grows every round in " + run.scenario().id() + " but is not a designed leak");
        }
    }

    /**
     * Each round's loaders of each designed kind: as many as designed, each with exactly the designed
     * classes and no hidden ones, under distinct names of the designed form; no other loader (the
     * application loader above all) defining any of those classes; and one histogram row per loader
     * for each class whose instances every such loader keeps.
     */
    private static void assertDesignedLoaders(ScenarioRun run, List<ClassHistogram> histograms) throws IOException {
        for (ExpectedLoaders expected : run.expectedLoaders()) {
            List<String> designedClasses = expected.definedClasses().stream().sorted().toList();
            for (int r = 1; r <= run.rounds().size(); r++) {
                String where = expected + " after round " + r + " of " + run.scenario().id();
                ClassLoaderListing listing = run.loaders(r);
                List<ClassLoaderListing.Loader> ofClass = listing.ofType(expected.loaderClass());
                assertEquals(expected.at(r), ofClass.size(), where + ": loaders of that class");
                for (ClassLoaderListing.Loader loader : ofClass) {
                    assertTrue(expected.matchesName(loader.name()), where + ": loader named '" + loader.name() + "'");
                    assertEquals(designedClasses, loader.classes().stream().sorted().toList(), where + ": classes of " + loader.name());
                    assertEquals(0, loader.hiddenClasses(), where + ": hidden classes of " + loader.name());
                }
                assertEquals(ofClass.size(), ofClass.stream().map(ClassLoaderListing.Loader::name).distinct().count(),
                        where + ": names repeat");
                for (ClassLoaderListing.Loader other : listing.loaders()) {
                    if (!ofClass.contains(other)) {
                        List<String> shared = other.classes().stream().filter(designedClasses::contains).toList();
                        assertTrue(shared.isEmpty(), where + ": loader '" + other.name() + "' (" + other.type()
                                + ") also defines " + shared);
                    }
                }
                for (String className : expected.classesWithInstances()) {
                    assertEquals(expected.at(r), histograms.get(r - 1).rows(className).size(),
                            where + ": histogram rows of " + className + " (one per defining loader)");
                }
            }
        }
    }

    static List<ClassHistogram> histograms(ScenarioRun run) throws IOException {
        List<ClassHistogram> histograms = new ArrayList<>();
        for (int r = 1; r <= run.rounds().size(); r++) {
            histograms.add(run.histogram(r));
        }
        return histograms;
    }

    /**
     * How many instances of a JVM-shared class the JVM itself may drop between two rounds, on top of
     * what the scenario adds (JDK 17 once lost 4 {@code ConcurrentHashMap$Node}s from round 1 to 2).
     */
    private static long jvmNoise(long designedGrowth) {
        return Math.max(8, designedGrowth / 10);
    }

    /** Classes whose instance count rises from each histogram to the next. */
    static List<String> steadilyGrowing(List<ClassHistogram> histograms) {
        return steadilyGrowing(histograms, 0, 0);
    }

    /**
     * Classes whose instance count rises beyond the diff's noise floor (docs/growth-analysis.md,
     * section 3: more than 10 instances and more than 1% of the earlier count) from each histogram to
     * the next: what the tool itself would call steady growth.
     */
    static List<String> growingBeyondNoiseFloor(List<ClassHistogram> histograms) {
        return steadilyGrowing(histograms, 10, 0.01);
    }

    private static List<String> steadilyGrowing(List<ClassHistogram> histograms, long absoluteFloor, double relativeFloor) {
        Map<String, long[]> counts = new HashMap<>();
        for (int i = 0; i < histograms.size(); i++) {
            for (ClassHistogram.Row row : histograms.get(i).rows()) {
                counts.computeIfAbsent(row.className(), name -> new long[histograms.size()])[i] += row.instances();
            }
        }
        List<String> growing = new ArrayList<>();
        counts.forEach((name, byRound) -> {
            boolean rising = true;
            for (int i = 1; i < byRound.length; i++) {
                long floor = Math.max(absoluteFloor, (long) (relativeFloor * byRound[i - 1]));
                rising &= byRound[i] - byRound[i - 1] > floor;
            }
            if (rising) {
                growing.add(name);
            }
        });
        return growing;
    }

    /** Shallow size of one instance as the JVM counts it. */
    static long shallowSize(ScenarioRun run, String className) throws IOException {
        ClassHistogram.Row row = run.histogram(1).row(className).orElseThrow();
        return row.bytes() / row.instances();
    }

    /** An HPROF header: magic, 8-byte ids, and a timestamp near the time the child recorded. */
    private static void assertIsHeapDump(RoundDump round) throws IOException {
        byte[] magic = "JAVA PROFILE 1.0.2\0".getBytes(StandardCharsets.US_ASCII);
        try (InputStream file = Files.newInputStream(round.hprof());
             DataInputStream in = new DataInputStream(file)) {
            byte[] header = in.readNBytes(magic.length);
            assertArrayEquals(magic, header, round.hprof() + " is not an HPROF 1.0.2 file");
            assertEquals(8, in.readInt(), "identifier size");
            long headerMillis = in.readLong();
            long recorded = round.dumpedAt().toEpochMilli();
            assertTrue(Math.abs(headerMillis - recorded) < 10_000, "header time " + headerMillis + " vs " + recorded);
        }
        assertTrue(Files.size(round.hprof()) > 1_000_000, round.hprof() + " is suspiciously small");
    }
}
