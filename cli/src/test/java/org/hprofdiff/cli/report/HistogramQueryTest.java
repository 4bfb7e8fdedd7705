package org.hprofdiff.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.hprofdiff.cli.report.HistogramReport.GroupBy;
import org.hprofdiff.cli.report.HistogramReport.Query;
import org.hprofdiff.cli.report.HistogramReport.Row;
import org.hprofdiff.cli.report.HistogramReport.SortBy;
import org.hprofdiff.core.size.SizeModel;
import org.hprofdiff.core.summary.ArrayLengthStats;
import org.hprofdiff.core.summary.ClassStats;
import org.hprofdiff.core.summary.ClassStats.Kind;
import org.hprofdiff.core.summary.DumpSummary;
import org.junit.jupiter.api.Test;

/** Grouping, filtering, sorting and cutting of histogram rows, on a summary whose sums are worked out by hand. */
class HistogramQueryTest {
    private static final String APP = "app";

    // Two classes named com.acme.Conn from two loaders; HashMap$Node[] partly split out by length.
    private static final DumpSummary SUMMARY = new DumpSummary(DumpSummary.SCHEMA_VERSION,
            new DumpSummary.DumpInfo("x.hprof", 1000, "JAVA PROFILE 1.0.2", 8, 0, "none", 1, 1),
            SizeModel.HOTSPOT_64_COMPRESSED,
            new DumpSummary.Totals(Map.of(Kind.INSTANCE, 160L, Kind.OBJECT_ARRAY, 12L, Kind.PRIMITIVE_ARRAY, 50L),
                    Map.of(Kind.INSTANCE, 4400L, Kind.OBJECT_ARRAY, 200_000L, Kind.PRIMITIVE_ARRAY, 90_000L), Map.of(), 5),
            List.of(
                    new ClassStats("java.util.HashMap$Node[]", ClassStats.BOOTSTRAP, Kind.OBJECT_ARRAY, 12, 200_000, null),
                    new ClassStats("byte[]", ClassStats.BOOTSTRAP, Kind.PRIMITIVE_ARRAY, 50, 90_000, null),
                    new ClassStats("com.acme.Conn", APP, Kind.INSTANCE, 100, 2400, null),
                    new ClassStats("com.acme.Conn", "plugin#2", Kind.INSTANCE, 10, 240, null),
                    new ClassStats("java.util.HashMap$Node", ClassStats.BOOTSTRAP, Kind.INSTANCE, 50, 1760, null)),
            List.of(new ArrayLengthStats("java.util.HashMap$Node[]", ClassStats.BOOTSTRAP, 16384, 2, 131_104)),
            new DumpSummary.Completeness(false, null, List.of()), null);

    @Test
    void classRowsByBytesWithTotals() {
        HistogramReport r = HistogramQuery.run(SUMMARY, new Query(GroupBy.CLASS, SortBy.SHALLOW, null, 3, false));
        assertEquals(List.of(
                new Row("java.util.HashMap$Node[]", ClassStats.BOOTSTRAP, 12, 200_000, 1),
                new Row("byte[]", ClassStats.BOOTSTRAP, 50, 90_000, 1),
                new Row("com.acme.Conn (loader app)", APP, 100, 2400, 1)), r.rows());
        assertEquals(new HistogramReport.Count(222, 294_400, 5), r.totals().dump());
        assertEquals(new HistogramReport.Count(162, 292_400, 3), r.totals().shown());
    }

    @Test
    void sortByCount() {
        HistogramReport r = HistogramQuery.run(SUMMARY, new Query(GroupBy.CLASS, SortBy.COUNT, null, null, false));
        assertEquals(List.of(100L, 50L, 50L, 12L, 10L), r.rows().stream().map(Row::instances).toList());
        // Equal counts: more bytes first.
        assertEquals("byte[]", r.rows().get(1).label());
    }

    @Test
    void filterMatchesAnywhereInTheName() {
        HistogramReport r = HistogramQuery.run(SUMMARY, new Query(GroupBy.CLASS, SortBy.SHALLOW, "HashMap\\$Node", null, false));
        assertEquals(2, r.rows().size());
        assertEquals(new HistogramReport.Count(62, 201_760, 2), r.totals().matching());
    }

    @Test
    void packages() {
        HistogramReport r = HistogramQuery.run(SUMMARY, new Query(GroupBy.PACKAGE, SortBy.SHALLOW, null, null, false));
        assertEquals(List.of(
                new Row("java.util", null, 62, 201_760, 2),
                new Row("(primitive arrays)", null, 50, 90_000, 1),
                new Row("com.acme", null, 110, 2640, 2)), r.rows());
    }

    @Test
    void loaders() {
        HistogramReport r = HistogramQuery.run(SUMMARY, new Query(GroupBy.LOADER, SortBy.COUNT, null, null, false));
        assertEquals(List.of(
                new Row(ClassStats.BOOTSTRAP, null, 112, 291_760, 3),
                new Row(APP, null, 100, 2400, 1),
                new Row("plugin#2", null, 10, 240, 1)), r.rows());
    }

    @Test
    void arraysByLengthSplitTheirClassRow() {
        HistogramReport r = HistogramQuery.run(SUMMARY, new Query(GroupBy.CLASS, SortBy.SHALLOW, "Node\\[", null, true));
        assertEquals(List.of(
                new Row("java.util.HashMap$Node[16384]", ClassStats.BOOTSTRAP, 2, 131_104, 1),
                new Row("java.util.HashMap$Node[] (other lengths)", ClassStats.BOOTSTRAP, 10, 68_896, 1)), r.rows());
        assertEquals(new HistogramReport.Count(12, 200_000, 2), r.totals().matching());
    }

    @Test
    void packageNames() {
        assertEquals("java.util", HistogramQuery.packageOf("java.util.HashMap$Node[][]"));
        assertEquals("(primitive arrays)", HistogramQuery.packageOf("int[][]"));
        assertEquals("(unnamed package)", HistogramQuery.packageOf("Main"));
    }
}
