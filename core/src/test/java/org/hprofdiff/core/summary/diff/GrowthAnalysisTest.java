package org.hprofdiff.core.summary.diff;

import static org.hprofdiff.core.summary.diff.Summaries.dump;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hprofdiff.core.size.SizeModel;
import org.junit.jupiter.api.Test;

class GrowthAnalysisTest {

    /**
     * Three dumps 12 hours apart, one row of each kind; rows are listed in a different order in every dump
     * so that only the key can align them.
     */
    private static GrowthReport threeDumps() {
        return GrowthAnalysis.analyze(List.of(
                dump("day1.hprof", 0)
                        .cls("java.lang.String", 10_000, 24).cls("com.acme.Conn", 400, 64).cls("com.acme.Buffer", 100, 8208)
                        .cls("com.acme.Cache$Entry", 100, 32).cls("com.acme.Ballast", 50, 1024).cls("com.acme.Shrinking", 1000, 16)
                        .cls("com.acme.Old", 30, 16).cls("com.acme.Plugin", "bootstrap", 10, 32, null)
                        .cls("com.acme.Plugin", "app", 10, 32, null).build(),
                dump("day2.hprof", 12)
                        .cls("com.acme.Plugin", "app", 100, 32, null).cls("com.acme.Conn", 600, 64).cls("java.lang.String", 12_000, 24)
                        .cls("com.acme.Buffer", 200, 8208).cls("com.acme.Ballast", 50, 1024).cls("com.acme.Cache$Entry", 500, 32)
                        .cls("com.acme.Shrinking", 800, 16).cls("com.acme.Plugin", "bootstrap", 10, 32, null).build(),
                dump("day3.hprof", 24)
                        .cls("com.acme.Fresh", 5, 16).cls("com.acme.Buffer", 300, 8208).cls("com.acme.Conn", 800, 64)
                        .cls("com.acme.Cache$Entry", 500, 32).cls("java.lang.String", 11_000, 24).cls("com.acme.Ballast", 50, 1024)
                        .cls("com.acme.Shrinking", 800, 16).cls("com.acme.Plugin", "bootstrap", 10, 32, null)
                        .cls("com.acme.Plugin", "app", 200, 32, null).build()));
    }

    private static Map<String, GrowthRow> byKey(GrowthReport report) {
        return report.classes().stream().collect(Collectors.toMap(GrowthRow::key, Function.identity()));
    }

    @Test
    void classifiesEachKindOfRow() {
        Map<String, GrowthRow> rows = byKey(threeDumps());
        assertEquals(Trend.STEADY_GROWTH, rows.get("com.acme.Conn").trend());
        assertEquals(Trend.STEADY_GROWTH, rows.get("com.acme.Buffer").trend());
        assertEquals(Trend.STEADY_GROWTH, rows.get("com.acme.Plugin @app").trend());
        assertEquals(Trend.FLAT, rows.get("com.acme.Plugin").trend());
        assertEquals(Trend.STARTUP_GROWTH, rows.get("com.acme.Cache$Entry").trend());
        assertEquals(Trend.NOISE, rows.get("java.lang.String").trend());
        assertEquals(Trend.FLAT, rows.get("com.acme.Ballast").trend());
        assertEquals(Trend.SHRINKING, rows.get("com.acme.Shrinking").trend());
        assertEquals(Trend.NEW, rows.get("com.acme.Fresh").trend());
        assertEquals(Trend.GONE, rows.get("com.acme.Old").trend());
        assertEquals(10, rows.size());
    }

    @Test
    void ranksSteadyGrowersByByteGrowthAndKeepsTheRestOutOfTheRanking() {
        GrowthReport report = threeDumps();
        // Byte growth: Buffer 200 x 8208 = 1,641,600; Conn 400 x 64 = 25,600; Plugin@app 190 x 32 = 6,080.
        assertEquals(List.of("com.acme.Buffer", "com.acme.Conn", "com.acme.Plugin @app"),
                report.steadyGrowers().stream().map(GrowthRow::label).toList());
        assertEquals(List.of(1, 2, 3), report.steadyGrowers().stream().map(GrowthRow::leakRank).toList());
        assertEquals(List.of("com.acme.Buffer", "com.acme.Conn", "com.acme.Plugin @app", "com.acme.Fresh", "com.acme.Cache$Entry",
                        "java.lang.String", "com.acme.Shrinking", "com.acme.Old", "com.acme.Ballast", "com.acme.Plugin"),
                report.classes().stream().map(GrowthRow::label).toList());
        assertTrue(report.classes().stream().skip(3).allMatch(row -> row.leakRank() == null));
    }

    @Test
    void numbersOfASteadyGrower() {
        GrowthRow conn = byKey(threeDumps()).get("com.acme.Conn");
        assertEquals(List.of(Step.UP, Step.UP), conn.steps());
        assertEquals(List.of(400L, 600L, 800L), conn.samples().stream().map(Sample::instances).toList());
        MetricChange count = conn.instances();
        assertEquals(400, count.first());
        assertEquals(800, count.last());
        assertEquals(400, count.change());
        assertEquals(100.0, count.percent(), 1e-9);
        assertEquals(List.of(200L, 200L), count.intervalDeltas());
        assertTrue(count.grewEveryInterval());
        assertEquals(400 / 24.0, count.perHour(), 1e-9);
        assertEquals(400 * 64 / 24.0, conn.shallowBytes().perHour(), 1e-9);
        assertEquals(25_600, conn.shallowBytes().change());
        assertNull(conn.retainedBytes());
        assertNull(conn.paths());
        assertNull(conn.arrayLength());
    }

    @Test
    void newAndGoneRowsCountAsZeroWhereAbsent() {
        Map<String, GrowthRow> rows = byKey(threeDumps());
        GrowthRow fresh = rows.get("com.acme.Fresh");
        assertEquals(List.of(false, false, true), fresh.samples().stream().map(Sample::present).toList());
        assertEquals(5, fresh.instances().change());
        assertNull(fresh.instances().percent());
        GrowthRow old = rows.get("com.acme.Old");
        assertEquals(List.of(-30L, 0L), old.instances().intervalDeltas());
        assertEquals(-100.0, old.instances().percent(), 1e-9);
    }

    @Test
    void seriesHasTimesAndIntervals() {
        DumpSeries series = threeDumps().series();
        assertEquals(List.of("day1.hprof", "day2.hprof", "day3.hprof"), series.dumps().stream().map(DumpPoint::path).toList());
        assertEquals(Summaries.T0, series.dumps().getFirst().timestampMillis());
        assertEquals(List.of(12 * Summaries.HOUR, 12 * Summaries.HOUR), series.intervals().stream().map(Interval::millis).toList());
        assertEquals(24.0, series.spanHours(), 1e-9);
        assertNull(series.rateUnavailable());
        assertEquals(List.of(), series.notes());
    }

    @Test
    void verdictNamesTheTopGrower() {
        Verdict verdict = threeDumps().verdict();
        assertTrue(verdict.leakSuspected());
        assertEquals(3, verdict.steadyGrowers());
        assertEquals(1_641_600 + 25_600 + 6_080, verdict.steadyGrowthBytes());
        assertEquals(200 + 400 + 190, verdict.steadyGrowthInstances());
        assertEquals(1, verdict.classesByTrend().get(Trend.NOISE));
        assertEquals(2, verdict.classesByTrend().get(Trend.FLAT));
        assertEquals(0, verdict.classesByTrend().get(Trend.PLATEAU));
        assertEquals(Trend.values().length, verdict.classesByTrend().size());
        // 1,641,600 B / 24 h = 68,400 B/h = 66.8 KB/h.
        assertEquals("Leak suspected: 3 classes grew in every interval (+790 objects, +1.6 MB); top: com.acme.Buffer "
                + "(+200 objects, +1.6 MB, +66.8 KB/h).", verdict.summary());
    }

    @Test
    void controlSeriesReportsNoLeak() {
        GrowthReport report = GrowthAnalysis.analyze(List.of(
                dump("a", 0).cls("Cache", 100, 32).cls("Sample", 500, 16).cls("Ballast", 1000, 64).build(),
                dump("b", 1).cls("Cache", 900, 32).cls("Sample", 200, 16).cls("Ballast", 1000, 64).build(),
                dump("c", 2).cls("Cache", 900, 32).cls("Sample", 700, 16).cls("Ballast", 1000, 64).build(),
                dump("d", 3).cls("Cache", 900, 32).cls("Sample", 300, 16).cls("Ballast", 1000, 64).build()));
        assertFalse(report.verdict().leakSuspected());
        assertEquals(List.of(), report.steadyGrowers());
        assertEquals(List.of(Trend.STARTUP_GROWTH, Trend.NOISE, Trend.FLAT), report.classes().stream().map(GrowthRow::trend).toList());
        assertEquals("No leak suspected: no class grew in every interval (other classes labelled: 1 one-time start-up growth, "
                + "1 up-and-down noise).", report.verdict().summary());
    }

    @Test
    void plateauNeedsGrowthBeyondTheFirstInterval() {
        GrowthReport report = GrowthAnalysis.analyze(List.of(
                dump("a", 0).cls("Pool", 100, 32).build(), dump("b", 1).cls("Pool", 200, 32).build(),
                dump("c", 2).cls("Pool", 300, 32).build(), dump("d", 3).cls("Pool", 300, 32).build()));
        assertEquals(Trend.PLATEAU, report.classes().getFirst().trend());
    }

    @Test
    void twoDumpsGrewIsSteady() {
        GrowthReport report = GrowthAnalysis.analyze(List.of(
                dump("before", 0).cls("Listener", 10, 24).build(), dump("after", 2).cls("Listener", 1010, 24).build()));
        GrowthRow row = report.classes().getFirst();
        assertEquals(Trend.STEADY_GROWTH, row.trend());
        assertEquals(500.0, row.instances().perHour(), 1e-9);
        assertTrue(report.verdict().summary().startsWith("Leak suspected: 1 class grew between the two dumps"),
                report.verdict().summary());
    }

    @Test
    void changesWithinTheNoiseFloorAreFlat() {
        List<org.hprofdiff.core.summary.DumpSummary> dumps = List.of(
                dump("a", 0).cls("Tiny", 3, 16).build(), dump("b", 1).cls("Tiny", 5, 16).build(), dump("c", 2).cls("Tiny", 8, 16).build());
        assertEquals(Trend.FLAT, GrowthAnalysis.analyze(dumps).classes().getFirst().trend());
        assertEquals(Trend.STEADY_GROWTH, GrowthAnalysis.analyze(dumps, NoiseFloor.NONE).classes().getFirst().trend());
        assertEquals(NoiseFloor.DEFAULT, GrowthAnalysis.analyze(dumps).noiseFloor());
    }

    @Test
    void missingTimestampMeansNoRateAndSaysWhy() {
        GrowthReport report = GrowthAnalysis.analyze(List.of(
                dump("a.hprof", 0).cls("X", 100, 16).build(), dump("b.hprof", 1).timestamp(0).cls("X", 200, 16).build()));
        assertNull(report.series().dumps().get(1).timestampMillis());
        assertNull(report.series().spanHours());
        assertNull(report.series().intervals().getFirst().millis());
        assertEquals("dump 2 (b.hprof) has no timestamp in its header", report.series().rateUnavailable());
        assertNull(report.classes().getFirst().instances().perHour());
        assertEquals(100, report.classes().getFirst().instances().change());
        assertTrue(report.verdict().summary().endsWith("top: X (+100 objects, +1.6 KB)."), report.verdict().summary());
    }

    @Test
    void equalOrOutOfOrderTimestampsMeanNoRate() {
        GrowthReport equal = GrowthAnalysis.analyze(List.of(
                dump("a", 5).cls("X", 100, 16).build(), dump("b", 5).cls("X", 200, 16).build()));
        assertEquals("dump 1 (a) and dump 2 (b) have the same timestamp", equal.series().rateUnavailable());
        assertEquals(List.of("dump 1 (a) and dump 2 (b) have the same timestamp"), equal.series().notes());
        assertNull(equal.classes().getFirst().shallowBytes().perHour());

        GrowthReport backwards = GrowthAnalysis.analyze(List.of(
                dump("a", 0).cls("X", 100, 16).build(), dump("b", 2).cls("X", 200, 16).build(), dump("c", 1).cls("X", 300, 16).build()));
        assertEquals("dump 3 (c) is older than dump 2 (b); the dumps may be out of order", backwards.series().rateUnavailable());
        assertEquals(2 * Summaries.HOUR, backwards.series().intervals().getFirst().millis());
        assertNull(backwards.series().intervals().get(1).millis());
        assertNull(backwards.classes().getFirst().instances().perHour());
    }

    @Test
    void retainedBytesOnlyWhenEveryDumpHasThem() {
        GrowthReport all = GrowthAnalysis.analyze(List.of(
                dump("a", 0).cls("M", "bootstrap", 10, 64, 10_000L).build(),
                dump("b", 1).cls("M", "bootstrap", 20, 64, 25_000L).build(),
                dump("c", 2).cls("M", "bootstrap", 30, 64, 45_000L).cls("Other", "bootstrap", 1, 16, 16L).build()));
        Map<String, GrowthRow> rows = byKey(all);
        assertEquals(List.of(15_000L, 20_000L), rows.get("M").retainedBytes().intervalDeltas());
        assertEquals(35_000, rows.get("M").retainedBytes().change());
        // "Other" is absent where retained sizes exist: it counts as 0 there.
        assertEquals(16, rows.get("Other").retainedBytes().change());

        GrowthReport some = GrowthAnalysis.analyze(List.of(
                dump("a", 0).cls("M", "bootstrap", 10, 64, null).build(),
                dump("b", 1).cls("M", "bootstrap", 20, 64, 25_000L).build()));
        assertNull(some.classes().getFirst().retainedBytes());
        assertNull(some.classes().getFirst().samples().getFirst().retainedBytes());
        assertEquals(25_000L, some.classes().getFirst().samples().getLast().retainedBytes());
    }

    @Test
    void longArraysAreAlignedByClassAndLength() {
        GrowthReport report = GrowthAnalysis.analyze(List.of(
                dump("a", 0).array("java.util.HashMap$Node[]", 16_384, 1, 65_552).array("java.lang.Object[]", 4096, 3, 16_400).build(),
                dump("b", 1).array("java.util.HashMap$Node[]", 16_384, 4, 65_552).array("java.lang.Object[]", 4096, 3, 16_400).build(),
                dump("c", 2).array("java.util.HashMap$Node[]", 16_384, 9, 65_552).array("java.lang.Object[]", 4096, 3, 16_400)
                        .array("java.util.HashMap$Node[]", 32_768, 1, 131_088).build()));
        List<GrowthRow> arrays = report.arraysByLength();
        assertEquals(List.of("java.util.HashMap$Node[16384]", "java.util.HashMap$Node[32768]", "java.lang.Object[4096]"),
                arrays.stream().map(GrowthRow::label).toList());
        GrowthRow nodes = arrays.getFirst();
        assertEquals(Trend.STEADY_GROWTH, nodes.trend());
        assertEquals(1, nodes.leakRank());
        assertEquals(16_384, nodes.arrayLength());
        assertEquals(8 * 65_552L, nodes.shallowBytes().change());
        assertEquals(Trend.NEW, arrays.get(1).trend());
        assertEquals(Trend.FLAT, arrays.get(2).trend());
        // A second view of objects already in the class table: not part of the verdict.
        assertFalse(report.verdict().leakSuspected());
        assertEquals(List.of(), report.classes());
    }

    @Test
    void notesPartialDumpsAndDifferentLayouts() {
        GrowthReport report = GrowthAnalysis.analyze(List.of(
                dump("a", 0).cls("X", 1, 16).build(),
                dump("b", 1).cls("X", 1, 16).partial("ends at byte 4096 of 8192").build(),
                dump("c", 2).cls("X", 1, 24).sizeModel(new SizeModel(16, 8, 8, false, "option")).build()));
        assertEquals(List.of(
                "dump 2 (b) is partial (ends at byte 4096 of 8192): its numbers cover only what was read",
                "dump 1 and dump 3 have different object layouts (header 12 vs 16 bytes, references 4 vs 8 bytes, "
                        + "alignment 8 vs 8): shallow bytes change with the layout, compare instance counts"),
                report.series().notes());
        assertTrue(report.series().dumps().get(1).partial());
    }

    @Test
    void needsTwoDumps() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GrowthAnalysis.analyze(List.of(dump("a", 0).build())));
        assertEquals("a growth analysis needs at least 2 dumps, got 1", e.getMessage());
    }

    @Test
    void retentionPathsAreAttachedToTheTopGrowersOnly() {
        GrowthReport report = threeDumps();
        MetricChange flat = new MetricChange(2, 2, 0, 0.0, List.of(0L, 0L), false, 0.0);
        GrowthReport withPaths = report.withRetentionPaths((row, series) -> {
            assertEquals(report.series(), series);
            return List.of(new PathGrowth("static " + row.name() + ".INSTANCE", "static field", List.of(row.name()),
                    List.of(new PathSample(true, 2, null), new PathSample(true, 2, null), new PathSample(true, 2, null)),
                    flat, null, Trend.FLAT));
        }, 2);
        assertEquals(java.util.Arrays.asList(1, 1, null), withPaths.steadyGrowers().stream()
                .map(row -> row.paths() == null ? null : row.paths().size()).toList());
        assertEquals("static com.acme.Buffer.INSTANCE", withPaths.classes().getFirst().paths().getFirst().signature());
        assertTrue(withPaths.classes().stream().skip(2).allMatch(row -> row.paths() == null));
        assertNotNull(report.classes().getFirst());
        assertNull(report.classes().getFirst().paths(), "the original report is unchanged");
    }
}
