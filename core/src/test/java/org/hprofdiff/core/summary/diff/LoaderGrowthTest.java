package org.hprofdiff.core.summary.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Class loaders across a series (docs/growth-analysis.md, section 6): a plugin host that keeps every redeployed
 * version's loader is a leak even when no instance of the plugin's classes grows; the application's own loader,
 * flat, is none.
 */
class LoaderGrowthTest {
    private static final String URL = "java.net.URLClassLoader";
    private static final String APP = "jdk.internal.loader.ClassLoaders$AppClassLoader";

    /** Three dumps an hour apart; the plugin's classes have no instances that grow, only its loaders do. */
    private static GrowthReport pluginLeak() {
        return GrowthAnalysis.analyze(List.of(
                Summaries.dump("a", 0).cls("com.acme.Server", 1, 24).loaders(APP, 1, 400).loaders(URL, 1, 12).build(),
                Summaries.dump("b", 1).cls("com.acme.Server", 1, 24).loaders(APP, 1, 400).loaders(URL, 3, 36)
                        .duplicate("com.acme.report.ReportPlugin", 3).build(),
                Summaries.dump("c", 2).cls("com.acme.Server", 1, 24).loaders(APP, 1, 400).loaders(URL, 5, 60)
                        .duplicate("com.acme.report.ReportPlugin", 5).duplicate("com.acme.report.Old", 2).build()));
    }

    @Test
    void loadersThatKeepComingAreALeakOfTheirOwn() {
        GrowthReport r = pluginLeak();
        assertTrue(r.steadyGrowers().isEmpty(), "no class's instances grew");
        LoaderGrowth url = r.classLoaders().getFirst();
        assertEquals(URL, url.loaderClass());
        assertEquals(Trend.STEADY_GROWTH, url.trend());
        assertEquals(1, url.leakRank());
        assertEquals(List.of(1L, 3L, 5L), url.loaders().values());
        assertEquals(List.of(12L, 36L, 60L), url.classes().values());
        assertEquals(2.0, url.loaders().perHour());
        LoaderGrowth app = r.classLoaders().get(1);
        assertEquals(Trend.FLAT, app.trend());
        assertEquals(List.of(url), r.growingLoaders());
        assertTrue(r.verdict().leakSuspected());
        assertEquals(1, r.verdict().growingLoaderClasses());
        assertEquals("Leak suspected: class loaders grew in every interval (java.net.URLClassLoader: 1 → 5 loaders, 12 → 60 classes).",
                r.verdict().summary());
    }

    @Test
    void oneMoreLoaderIsGrowthWhateverTheNoiseFloorOfClasses() {
        GrowthReport r = GrowthAnalysis.analyze(List.of(
                Summaries.dump("a", 0).loaders(URL, 2, 2).build(),
                Summaries.dump("b", 1).loaders(URL, 3, 3).build()));
        assertEquals(Trend.STEADY_GROWTH, r.classLoaders().getFirst().trend(), "each loader keeps every class it defined");
    }

    @Test
    void duplicateClassesOfTheNewestDumpWithTheirLoadersInEveryDump() {
        List<DuplicateGrowth> d = pluginLeak().duplicateClasses();
        assertEquals(List.of("com.acme.report.ReportPlugin", "com.acme.report.Old"), d.stream().map(DuplicateGrowth::name).toList());
        // a name a dump does not list is defined once at most there
        assertEquals(List.of(1L, 3L, 5L), d.getFirst().loaders().values());
        assertEquals(List.of(1L, 1L, 2L), d.get(1).loaders().values());
    }

    @Test
    void classesAndLoadersGrowingTogetherNameTheLoadersFirst() {
        GrowthReport r = GrowthAnalysis.analyze(List.of(
                Summaries.dump("a", 0).cls("com.acme.Template", 100, 64).loaders(URL, 1, 12).build(),
                Summaries.dump("b", 1).cls("com.acme.Template", 200, 64).loaders(URL, 2, 24).build(),
                Summaries.dump("c", 2).cls("com.acme.Template", 300, 64).loaders(URL, 3, 36).build()));
        assertTrue(r.verdict().summary().startsWith("Leak suspected: class loaders grew in every interval (java.net.URLClassLoader: 1 → 3 loaders,"
                + " 12 → 36 classes); 1 class grew in every interval (+200 objects, +12.5 KB)"), r.verdict().summary());
    }

    @Test
    void aSummaryWithoutCensusLeavesTheLoadersOut() {
        GrowthReport r = GrowthAnalysis.analyze(List.of(
                Summaries.dump("a", 0).loaders(URL, 1, 12).withoutCensus().build(),
                Summaries.dump("b", 1).loaders(URL, 3, 36).build()));
        assertTrue(r.classLoaders().isEmpty());
        assertTrue(r.duplicateClasses().isEmpty());
        assertFalse(r.verdict().leakSuspected());
    }
}
