package org.hprofdiff.testdata.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every real-world scenario and its fixed control in child JVMs, at two sizes and round counts on
 * JDK 25 and at the default size on JDK 17, and checks each round against the JVM's own histogram and
 * class-loader listing: the designed counts, the designed loaders with exactly their classes, and for
 * the controls that nothing grows beyond the diff's noise floor in every interval. (A control's JVM
 * still warms up: in {@code aws-reaper-fixed}, Strings rose by 239, 2, 19, 3, 0 over six rounds,
 * more under load.)
 */
class RealWorldScenarioRunsTest {

    static Stream<Arguments> sizes() {
        List<Arguments> sizes = new ArrayList<>();
        for (RealWorldScenario scenario : RealWorldScenario.values()) {
            sizes.add(Arguments.of(scenario, scenario.defaultLeakPerRound(), 3));
            sizes.add(Arguments.of(scenario, scenario.defaultLeakPerRound() / 4 + 1, 4));
        }
        return sizes.stream();
    }

    @ParameterizedTest(name = "{0}, {1} per round, {2} rounds")
    @MethodSource("sizes")
    void leavesTheDesignedCountsOnJdk25(RealWorldScenario scenario, int leakPerRound, int rounds, @TempDir Path dir)
            throws Exception {
        assertDesigned(runOn(25, scenario, leakPerRound, rounds, dir));
    }

    @ParameterizedTest
    @EnumSource(RealWorldScenario.class)
    void leavesTheDesignedCountsOnJdk17(RealWorldScenario scenario, @TempDir Path dir) throws Exception {
        assertDesigned(runOn(17, scenario, scenario.defaultLeakPerRound(), 3, dir));
    }

    private static ScenarioRun runOn(int feature, RealWorldScenario scenario, int leakPerRound, int rounds, Path dir)
            throws Exception {
        Optional<Path> java = Jdks.find(feature);
        assumeTrue(java.isPresent(), "no JDK " + feature + " installed");
        ScenarioRun run = ScenarioRunner.run(ScenarioLaunch.of(scenario, java.get(), rounds, dir).withLeakPerRound(leakPerRound));
        assertEquals(feature, run.javaFeatureVersion());
        assertEquals(scenario, run.scenario());
        assertEquals(leakPerRound, run.leakPerRound());
        return run;
    }

    private static void assertDesigned(ScenarioRun run) throws Exception {
        DesignedCounts.assertMatchGroundTruth(run);
        RealWorldScenario scenario = (RealWorldScenario) run.scenario();
        List<ClassHistogram> histograms = DesignedCounts.histograms(run);
        if (scenario.isFixed()) {
            List<String> growing = DesignedCounts.growingBeyondNoiseFloor(histograms);
            assertTrue(run.leaking().isEmpty(), run.leaking().toString());
            assertTrue(growing.isEmpty(), "no class grows in every interval when the bug is fixed: " + growing);
            for (ExpectedLoaders loaders : run.expectedLoaders()) {
                assertTrue(loaders.byRound().stream().allMatch(n -> n == 1), "one plugin version at a time: " + loaders);
            }
        } else {
            List<String> growing = DesignedCounts.steadilyGrowing(histograms);
            assertTrue(!run.leaking().isEmpty(), "a leak designs growth");
            for (ExpectedCount leak : run.leaking()) {
                assertTrue(growing.contains(leak.className()) || leak.basis() == ExpectedCount.Basis.ADDED,
                        leak + " is designed to grow in every interval; growing: " + growing);
            }
        }
    }
}
