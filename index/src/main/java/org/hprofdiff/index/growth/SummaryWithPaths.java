package org.hprofdiff.index.growth;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hprofdiff.core.summary.ArrayLengthStats;
import org.hprofdiff.core.summary.ClassStats;
import org.hprofdiff.core.summary.DumpSummary;
import org.hprofdiff.core.summary.LoaderStats;
import org.hprofdiff.core.summary.SummaryPaths;
import org.hprofdiff.index.AnalysisProgress;
import org.hprofdiff.index.HeapAnalysis;

/**
 * A dump's summary with what a series needs from its index, so that the summary can stand for the dump
 * (docs/growth-analysis.md, section 6): every class's retained bytes, and the retention paths of every row big
 * enough to matter ({@link SummaryPaths.Floor}) — computed by the very code a diff runs on the dump itself
 * ({@link GrowingPaths}, {@link RowLeaves}, {@link DumpPaths}), so either gives the same answer.
 */
public final class SummaryWithPaths {
    private SummaryWithPaths() {}

    /** {@code summary} (the dump's own, class totals) with retained bytes and retention paths from {@code analysis}. */
    public static DumpSummary of(DumpSummary summary, HeapAnalysis analysis, SummaryPaths.Floor floor, AnalysisProgress progress)
            throws IOException {
        analysis.shortestPaths(); // the paths and the tree are both needed: computed side by side when neither is stored
        progress.phase("retained sizes of every class", summary.classes().size());
        List<ClassStats> classes = new ArrayList<>(summary.classes().size());
        List<GrowingPaths.Sought> rows = new ArrayList<>();
        Map<String, int[]> classesOfKey = analysis.index().summary().classIndexesByKey();
        for (ClassStats c : summary.classes()) {
            long retained = GrowingPaths.classRetained(classesOfKey.getOrDefault(c.key(), new int[0]), analysis);
            classes.add(new ClassStats(c.name(), c.loader(), c.kind(), c.instances(), c.shallowBytes(), retained));
            if (c.instances() >= floor.instances() || c.shallowBytes() >= floor.shallowBytes()) {
                rows.add(new GrowingPaths.Sought(SummaryPaths.classRow(c.key()), GrowingPaths.Kind.CLASS,
                        new RowTargets.Key(c.name(), c.loader(), null), null));
            }
            progress.advance(classes.size());
        }
        for (ArrayLengthStats a : summary.arraysByLength()) {
            rows.add(new GrowingPaths.Sought(SummaryPaths.arrayRow(a.key()), GrowingPaths.Kind.ARRAY,
                    new RowTargets.Key(a.name(), a.loader(), a.length()), null));
        }
        if (summary.classLoaders() != null) {
            for (LoaderStats l : summary.classLoaders().byLoaderClass()) {
                rows.add(new GrowingPaths.Sought(SummaryPaths.loaderRow(l.loaderClass()), GrowingPaths.Kind.LOADER, null, l.loaderClass()));
            }
        }
        progress.phase("retention paths of " + rows.size() + " rows", 0);
        List<Map<String, KeptPaths.Seen>> found = GrowingPaths.pathsIn(analysis, rows);
        KeptPaths.Writer writer = new KeptPaths.Writer(floor);
        for (int r = 0; r < rows.size(); r++) writer.row(rows.get(r).id(), found.get(r));
        return summary.withClasses(List.copyOf(classes)).withRetentionPaths(writer.build());
    }
}
