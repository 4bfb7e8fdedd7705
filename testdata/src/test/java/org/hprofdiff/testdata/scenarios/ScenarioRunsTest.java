package org.hprofdiff.testdata.scenarios;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.hprofdiff.testdata.scenarios.incident.http.PoolingHttpClientConnectionManager;
import org.hprofdiff.testdata.scenarios.incident.http.PooledSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs every scenario in real child JVMs and checks, against the JVM's own class histograms only,
 * that each round leaves exactly the designed objects.
 */
class ScenarioRunsTest {

    private static final int ROUNDS = 3;
    /** Pause between rounds: short, but enough to see distinct dump times. */
    private static final long INTERVAL_MILLIS = 50;
    private static final String SCENARIO_PACKAGE = "org.hprofdiff.testdata.";
    private static final String NODE_ARRAY = "[Ljava.util.HashMap$Node;";

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void leavesTheDesignedCountsOnJdk25(Scenario scenario, @TempDir Path dir) throws Exception {
        ScenarioRun run = runOn(25, scenario, List.of(), dir);
        assertDesignedCounts(run);
        if (scenario == Scenario.CONNECTION_REAPER) {
            assertEquals(32, shallowSize(run, PooledSocket.class.getName()), "two compressed references and a long");
        }
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void leavesTheDesignedCountsOnJdk17(Scenario scenario, @TempDir Path dir) throws Exception {
        ScenarioRun run = runOn(17, scenario, List.of(), dir);
        assertEquals(17, run.javaFeatureVersion());
        assertDesignedCounts(run);
    }

    @Test
    void leavesTheDesignedCountsWithoutCompressedOops(@TempDir Path dir) throws Exception {
        ScenarioRun run = runOn(25, Scenario.CONNECTION_REAPER, List.of("-XX:-UseCompressedOops"), dir);
        assertDesignedCounts(run);
        assertEquals(40, shallowSize(run, PooledSocket.class.getName()), "references are 8 bytes");
        long tableBytes = 16 + 8L * PoolingHttpClientConnectionManager.POOL_TABLE_LENGTH;
        long growth = run.histogram(3).bytes(NODE_ARRAY) - run.histogram(2).bytes(NODE_ARRAY);
        assertTrue(growth >= run.leakPerRound() * tableBytes, "HashMap$Node[] bytes grew by " + growth);
    }

    @Test
    void leavesTheDesignedCountsWithCompactObjectHeaders(@TempDir Path dir) throws Exception {
        ScenarioRun run = runOn(25, Scenario.CONNECTION_REAPER, List.of("-XX:+UseCompactObjectHeaders"), dir);
        assertDesignedCounts(run);
        assertEquals(24, shallowSize(run, PooledSocket.class.getName()), "8-byte header");
    }

    @Test
    void scalesTheLeakWithLeakPerRound(@TempDir Path dir) throws Exception {
        Path java = Jdks.find(25).orElseThrow();
        ScenarioRun run = ScenarioRunner.run(ScenarioLaunch.of(Scenario.CONNECTION_REAPER, java, 2, dir)
                .withLeakPerRound(3));
        assertEquals(List.of(3L, 6L), run.expected(PoolingHttpClientConnectionManager.class.getName())
                .orElseThrow().byRound());
        assertDesignedCounts(run);
    }

    @Test
    void reportsAChildThatFailsWithItsStderr(@TempDir Path dir) {
        Path java = Jdks.find(25).orElseThrow();
        ScenarioFailedException e = assertThrows(ScenarioFailedException.class,
                () -> ScenarioRunner.run(Scenario.CONTROL, java, List.of("-XX:+NoSuchOption"), 1, dir));
        assertTrue(e.getMessage().contains("exited with status 1"), e.getMessage());
        assertTrue(e.getMessage().contains("Unrecognized VM option 'NoSuchOption'"), e.getMessage());
    }

    @Test
    void killsAChildThatRunsPastTheTimeout(@TempDir Path dir) {
        Path java = Jdks.find(25).orElseThrow();
        ScenarioLaunch slow = ScenarioLaunch.of(Scenario.CONTROL, java, 2, dir)
                .withIntervalMillis(60_000).withTimeout(Duration.ofSeconds(3));
        ScenarioFailedException e = assertThrows(ScenarioFailedException.class, () -> ScenarioRunner.run(slow));
        assertTrue(e.getMessage().contains("did not finish within 3 s"), e.getMessage());
    }

    private static ScenarioRun runOn(int feature, Scenario scenario, List<String> flags, Path dir) throws Exception {
        Optional<Path> java = Jdks.find(feature);
        assumeTrue(java.isPresent(), "no JDK " + feature + " installed");
        ScenarioRun run = ScenarioRunner.run(ScenarioLaunch.of(scenario, java.get(), ROUNDS, dir)
                .withJvmFlags(flags).withIntervalMillis(INTERVAL_MILLIS));
        assertEquals(feature, run.javaFeatureVersion());
        assertTrue(run.jvmArguments().containsAll(flags), run.jvmArguments().toString());
        return run;
    }

    /** Everything the ground truth can check: files, designed counts, and that nothing else of ours grows. */
    private static void assertDesignedCounts(ScenarioRun run) throws IOException {
        int rounds = run.rounds().size();
        List<ClassHistogram> histograms = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            assertIsHeapDump(run.round(r));
            ClassHistogram histogram = run.histogram(r);
            ClassHistogramTest.assertTotalsMatchRows(histogram);
            histograms.add(histogram);
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
        if (rounds < 3) {
            return; // over two rounds the filling cache rises too: telling growth from filling needs three
        }
        // No class of ours grows round after round unless it is a designed leak (bookkeeping must not leak).
        Set<String> leaking = run.leaking().stream().map(ExpectedCount::className).collect(Collectors.toSet());
        for (String className : steadilyGrowing(histograms)) {
            assertTrue(leaking.contains(className) || !className.startsWith(SCENARIO_PACKAGE),
                    className + " grows every round in " + run.scenario().id() + " but is not a designed leak");
        }
        if (run.scenario() == Scenario.CONTROL) {
            assertTrue(run.leaking().isEmpty());
            assertTrue(steadilyGrowing(histograms).isEmpty(),
                    "no class grows every round without a leak: " + steadilyGrowing(histograms));
        }
    }

    /**
     * How many instances of a JVM-shared class the JVM itself may drop between two rounds, on top of
     * what the scenario adds (JDK 17 once lost 4 {@code ConcurrentHashMap$Node}s from round 1 to 2).
     */
    private static long jvmNoise(long designedGrowth) {
        return Math.max(8, designedGrowth / 10);
    }

    /** Classes whose instance count rises from each histogram to the next. */
    private static List<String> steadilyGrowing(List<ClassHistogram> histograms) {
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
                rising &= byRound[i] > byRound[i - 1];
            }
            if (rising) {
                growing.add(name);
            }
        });
        return growing;
    }

    /** Shallow size of one instance as the JVM counts it. */
    private static long shallowSize(ScenarioRun run, String className) throws IOException {
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
