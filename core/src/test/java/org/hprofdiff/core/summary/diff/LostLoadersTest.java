package org.hprofdiff.core.summary.diff;

import static org.hprofdiff.core.summary.diff.Summaries.dump;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hprofdiff.core.summary.ClassStats;
import org.junit.jupiter.api.Test;

/**
 * A partial dump's classes whose loader was lost (the reader labels it "unknown loader"): matched by name to the
 * one class of that name the other dumps have, or set apart as LOADER_LOST, never ranked as growth from zero.
 */
class LostLoadersTest {
    private static final String APP = "jdk.internal.loader.ClassLoaders$AppClassLoader";
    private static final String LOST = ClassStats.UNKNOWN_LOADER;
    private static final String CUT = "byte 4096: the data ends at byte 4096";

    private static GrowthRow row(GrowthReport report, String key) {
        return report.classes().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow(() -> new AssertionError(key + " in "
                + report.classes().stream().map(GrowthRow::key).toList()));
    }

    private static List<String> keys(GrowthReport report) {
        return report.classes().stream().map(GrowthRow::key).sorted().toList();
    }

    @Test
    void aLostLoaderIsMatchedToTheOnlyLoaderOfThatNameElsewhere() {
        GrowthReport r = GrowthAnalysis.analyze(List.of(
                dump("a", 0).cls("com.acme.Session", APP, 100, 24, null).build(),
                dump("b", 1).cls("com.acme.Session", LOST, 160, 24, null).partial(CUT).build()));
        assertEquals(List.of("com.acme.Session @" + APP), keys(r), "one row: the class, not a new one beside it");
        GrowthRow session = row(r, "com.acme.Session @" + APP);
        assertEquals(List.of(100L, 160L), session.samples().stream().map(Sample::instances).toList());
        assertEquals(Trend.STEADY_GROWTH, session.trend(), "it did grow: 100 read before, 160 read in the part that survived");
        assertEquals(APP, session.loader());
    }

    @Test
    void aNameSeveralLoadersDefineIsSetApartNotRanked() {
        GrowthReport r = GrowthAnalysis.analyze(List.of(
                dump("a", 0).cls("Plugin", "PluginLoader#1", 10, 16, null).cls("Plugin", "PluginLoader#2", 10, 16, null).build(),
                dump("b", 1).cls("Plugin", LOST, 61_214, 16, null).partial(CUT).build()));
        GrowthRow lost = row(r, "Plugin @" + LOST);
        assertEquals(Trend.LOADER_LOST, lost.trend());
        assertNull(lost.leakRank());
        assertEquals(0, r.verdict().steadyGrowers());
        assertFalse(r.verdict().leakSuspected());
        assertTrue(r.steadyGrowers().isEmpty());
    }

    @Test
    void aNameNoOtherDumpHasIsSetApartNotNew() {
        GrowthReport r = GrowthAnalysis.analyze(List.of(
                dump("a", 0).cls("Other", 5, 16).build(),
                dump("b", 1).cls("Other", 5, 16).cls("OnlyHere", LOST, 500, 16, null).partial(CUT).build()));
        assertEquals(Trend.LOADER_LOST, row(r, "OnlyHere @" + LOST).trend());
    }

    @Test
    void aPartialDumpWithTheNameUnderItsKnownLoaderToo() {
        // two loaders define W in dump b: one read, one lost; the lost one is not the known one
        GrowthReport r = GrowthAnalysis.analyze(List.of(
                dump("a", 0).cls("W", APP, 10, 16, null).build(),
                dump("b", 1).cls("W", APP, 10, 16, null).cls("W", LOST, 50, 16, null).partial(CUT).build()));
        assertEquals(Trend.FLAT, row(r, "W @" + APP).trend());
        assertEquals(Trend.LOADER_LOST, row(r, "W @" + LOST).trend());
    }

    @Test
    void aCompleteDumpIsLeftAsItIs() {
        GrowthReport r = GrowthAnalysis.analyze(List.of(
                dump("a", 0).cls("V", LOST, 1, 16, null).build(),
                dump("b", 1).cls("V", LOST, 50, 16, null).cls("V", APP, 1, 16, null).build()));
        assertEquals(Trend.STEADY_GROWTH, row(r, "V @" + LOST).trend(), "no dump is partial: nothing was lost");
    }

    @Test
    void aPartialDumpInTheMiddleOfThree() {
        GrowthReport r = GrowthAnalysis.analyze(List.of(
                dump("a", 0).cls("X", APP, 100, 16, null).build(),
                dump("b", 1).cls("X", LOST, 150, 16, null).partial(CUT).build(),
                dump("c", 2).cls("X", APP, 200, 16, null).build()));
        assertEquals(List.of("X @" + APP), keys(r));
        assertEquals(List.of(100L, 150L, 200L), row(r, "X @" + APP).samples().stream().map(Sample::instances).toList());
        assertEquals(Trend.STEADY_GROWTH, row(r, "X @" + APP).trend());
    }

    @Test
    void numberedLostLoadersAndArraysByLength() {
        GrowthReport r = GrowthAnalysis.analyze(List.of(
                dump("a", 0).cls("Y", APP, 3, 16, null).array("Y[]", APP, 16, 2, 1000).build(),
                dump("b", 1).cls("Y", LOST + "#2", 3, 16, null).array("Y[]", LOST, 16, 60, 1000).partial(CUT).build()));
        assertEquals(List.of("Y @" + APP), keys(r));
        assertEquals(List.of("Y[16] @" + APP), r.arraysByLength().stream().map(GrowthRow::key).toList());
        assertEquals(Trend.STEADY_GROWTH, r.arraysByLength().getFirst().trend());
    }
}
