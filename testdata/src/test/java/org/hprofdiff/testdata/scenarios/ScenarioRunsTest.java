package org.hprofdiff.testdata.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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

    /** Everything the ground truth can check, and for the control, that nothing grows every round. */
    private static void assertDesignedCounts(ScenarioRun run) throws IOException {
        DesignedCounts.assertMatchGroundTruth(run);
        if (run.scenario() == Scenario.CONTROL) {
            List<String> growing = DesignedCounts.steadilyGrowing(DesignedCounts.histograms(run));
            assertTrue(run.leaking().isEmpty());
            assertTrue(growing.isEmpty(), "no class grows every round without a leak: " + growing);
        }
    }

    private static long shallowSize(ScenarioRun run, String className) throws IOException {
        return DesignedCounts.shallowSize(run, className);
    }
}
