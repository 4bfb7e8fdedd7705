package org.hprofdiff.core.summary.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hprofdiff.core.read.HprofFile;
import org.hprofdiff.core.summary.DumpSummary;
import org.hprofdiff.core.summary.Summarizer;
import org.hprofdiff.testdata.scenarios.ExpectedCount;
import org.hprofdiff.testdata.scenarios.Jdks;
import org.hprofdiff.testdata.scenarios.Scenario;
import org.hprofdiff.testdata.scenarios.ScenarioLaunch;
import org.hprofdiff.testdata.scenarios.ScenarioRun;
import org.hprofdiff.testdata.scenarios.ScenarioRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * End to end on real dumps: every testdata scenario runs 3 rounds in a child JDK 25, each dump is
 * summarised by the histogram builder, and the series is analysed. The expected numbers are the
 * scenarios' designed per-round counts ({@link ExpectedCount}), never numbers of the analysis itself.
 */
class ScenarioGrowthTest {

    private static final int ROUNDS = 3;
    /** Pause between rounds, so that the dumps' header timestamps differ measurably. */
    private static final long INTERVAL_MILLIS = 200;
    private static final String SCENARIO_PACKAGE = "org.hprofdiff.testdata.";
    /** The benign churn's classes are package-private; the scenarios name them in their expectations. */
    private static final String CHURN_PACKAGE = "org.hprofdiff.testdata.scenarios.churn.";

    private static final Map<Scenario, ScenarioRun> RUNS = new EnumMap<>(Scenario.class);
    private static final Map<Scenario, GrowthReport> REPORTS = new EnumMap<>(Scenario.class);

    @BeforeAll
    static void runEveryScenario(@TempDir Path dir) throws Exception {
        Optional<Path> java = Jdks.find(25);
        assumeTrue(java.isPresent(), "no JDK 25 installed");
        for (Scenario scenario : Scenario.values()) {
            ScenarioRun run = ScenarioRunner.run(ScenarioLaunch.of(scenario, java.get(), ROUNDS, dir.resolve(scenario.id()))
                    .withIntervalMillis(INTERVAL_MILLIS));
            RUNS.put(scenario, run);
            REPORTS.put(scenario, GrowthAnalysis.analyze(summaries(run)));
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"CONNECTION_REAPER", "THREADLOCAL", "LISTENERS"})
    void designedLeaksAreSteadyGrowersAtTheTop(Scenario scenario) {
        ScenarioRun run = RUNS.get(scenario);
        GrowthReport report = REPORTS.get(scenario);
        assertTrue(report.verdict().leakSuspected(), report.verdict().summary());
        assertFalse(run.leaking().isEmpty());
        StringBuilder ranks = new StringBuilder(scenario.id() + ": " + report.verdict().summary());
        for (ExpectedCount expected : run.leaking()) {
            GrowthRow row = rowOf(report, expected);
            assertEquals(Trend.STEADY_GROWTH, row.trend(), expected + " is " + row.trend() + " " + instances(row));
            assertNotNull(row.leakRank(), expected.toString());
            List<Long> designedDeltas = designedDeltas(expected);
            if (expected.basis() == ExpectedCount.Basis.EXACT || row.arrayLength() != null) {
                // Only the scenario makes these (or the (class, length) bucket is its alone): exact.
                assertEquals(designedDeltas, row.instances().intervalDeltas(), expected.toString());
                if (expected.basis() == ExpectedCount.Basis.EXACT) {
                    assertEquals(expected.byRound(), instances(row), expected.toString());
                }
            } else {
                // JVM-shared classes: the scenario's growth on top of the JVM's own small moves.
                for (int i = 0; i < designedDeltas.size(); i++) {
                    long designed = designedDeltas.get(i);
                    long seen = row.instances().intervalDeltas().get(i);
                    assertTrue(seen >= designed - Math.max(8, designed / 10), expected + ": grew by " + seen + " in interval " + (i + 1));
                }
            }
            ranks.append("\n  ").append(expected).append(" -> rank ").append(row.leakRank())
                    .append(row.arrayLength() != null ? " of arrays by length" : " of " + report.verdict().steadyGrowers());
        }
        Set<String> designed = run.leaking().stream().map(ExpectedCount::javaName).collect(Collectors.toSet());
        GrowthRow top = report.steadyGrowers().getFirst();
        assertTrue(designed.contains(top.name()), "top suspect " + top.label() + " is not a designed leak of " + scenario.id());
        assertNoOtherScenarioClassGrowsSteadily(run, report);
        System.out.println(ranks);
    }

    @Test
    void theIncidentsTableRowRanksFirstAmongLongArrays() {
        GrowthRow top = REPORTS.get(Scenario.CONNECTION_REAPER).arraysByLength().getFirst();
        ExpectedCount tables = RUNS.get(Scenario.CONNECTION_REAPER).leaking().stream()
                .filter(e -> e.arrayLength() != ExpectedCount.ANY_LENGTH && e.className().startsWith("[L")).findFirst().orElseThrow();
        assertEquals(tables.javaName(), top.name());
        assertEquals(tables.arrayLength(), top.arrayLength());
        assertEquals("java.util.HashMap$Node[16384]", top.label());
        assertEquals(1, top.leakRank());
    }

    @Test
    void controlReportsNoSteadyGrower() {
        GrowthReport report = REPORTS.get(Scenario.CONTROL);
        assertFalse(report.verdict().leakSuspected(), report.verdict().summary());
        assertEquals(0, report.verdict().steadyGrowers());
        assertEquals(List.of(), report.steadyGrowers());
        assertTrue(report.verdict().summary().startsWith("No leak suspected"), report.verdict().summary());
        System.out.println("control: " + report.verdict().summary());
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void benignChurnIsLabelledNotRanked(Scenario scenario) {
        ScenarioRun run = RUNS.get(scenario);
        GrowthReport report = REPORTS.get(scenario);
        // Cache: fills in round 2 and stays full; samples: up and down; ballast: constant (designed counts).
        assertChurn(report, run, "CachedQuote", Trend.STARTUP_GROWTH);
        assertChurn(report, run, "Sample", Trend.NOISE);
        assertChurn(report, run, "Ballast", Trend.FLAT);
    }

    @Test
    void ratesComeFromTheDumpHeaders() {
        ScenarioRun run = RUNS.get(Scenario.LISTENERS);
        DumpSeries series = REPORTS.get(Scenario.LISTENERS).series();
        assertNull(series.rateUnavailable());
        for (int i = 0; i < ROUNDS; i++) {
            long wallClock = run.round(i + 1).dumpedAt().toEpochMilli();
            long header = series.dumps().get(i).timestampMillis();
            assertTrue(Math.abs(header - wallClock) < 2_000, "dump " + (i + 1) + ": header " + header + ", started " + wallClock);
        }
        for (Interval interval : series.intervals()) {
            assertTrue(interval.millis() >= INTERVAL_MILLIS, interval.toString());
        }
        // Designed: 400 widgets per round, 800 from round 1 to 3, over the time between the dumps.
        ExpectedCount widgets = run.leaking().getFirst();
        double hours = (run.round(ROUNDS).dumpedAt().toEpochMilli() - run.round(1).dumpedAt().toEpochMilli()) / 3_600_000.0;
        double designedRate = widgets.growth(1, ROUNDS) / hours;
        double reported = rowOf(REPORTS.get(Scenario.LISTENERS), widgets).instances().perHour();
        assertEquals(designedRate, reported, designedRate * 0.1);
    }

    private static void assertChurn(GrowthReport report, ScenarioRun run, String simpleName, Trend trend) {
        ExpectedCount expected = run.expected(CHURN_PACKAGE + simpleName).orElseThrow();
        GrowthRow row = rowOf(report, expected);
        assertEquals(expected.byRound(), instances(row), simpleName);
        assertEquals(trend, row.trend(), simpleName + " " + instances(row));
        assertNull(row.leakRank());
    }

    /** Classes of the scenario program that are not a designed leak (churn, bookkeeping) must not look like one. */
    private static void assertNoOtherScenarioClassGrowsSteadily(ScenarioRun run, GrowthReport report) {
        Set<String> designed = run.leaking().stream().map(ExpectedCount::javaName).collect(Collectors.toSet());
        for (GrowthRow row : report.steadyGrowers()) {
            assertTrue(designed.contains(row.name()) || !row.name().startsWith(SCENARIO_PACKAGE),
                    row.label() + " grows steadily in " + run.scenario().id() + " but is not a designed leak");
        }
    }

    /** The row an expectation describes: the (class, length) row of long object arrays, else the class row. */
    private static GrowthRow rowOf(GrowthReport report, ExpectedCount expected) {
        boolean longObjectArray = expected.arrayLength() != ExpectedCount.ANY_LENGTH && expected.className().startsWith("[L");
        List<GrowthRow> rows = (longObjectArray ? report.arraysByLength() : report.classes()).stream()
                .filter(row -> row.name().equals(expected.javaName()))
                .filter(row -> !longObjectArray || row.arrayLength() == expected.arrayLength())
                .toList();
        assertEquals(1, rows.size(), expected + ": " + rows.stream().map(GrowthRow::label).toList());
        return rows.getFirst();
    }

    private static List<Long> designedDeltas(ExpectedCount expected) {
        List<Long> deltas = new ArrayList<>();
        for (int round = 2; round <= ROUNDS; round++) {
            deltas.add(expected.growth(round - 1, round));
        }
        return deltas;
    }

    private static List<Long> instances(GrowthRow row) {
        return row.samples().stream().map(Sample::instances).toList();
    }

    private static List<DumpSummary> summaries(ScenarioRun run) throws Exception {
        List<DumpSummary> summaries = new ArrayList<>();
        for (Path dump : run.dumps()) {
            try (HprofFile file = HprofFile.open(dump)) {
                summaries.add(Summarizer.summarize(file));
            }
        }
        return summaries;
    }
}
