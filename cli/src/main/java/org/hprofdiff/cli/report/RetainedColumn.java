package org.hprofdiff.cli.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hprofdiff.core.summary.ClassStats;
import org.hprofdiff.core.summary.DumpSummary;
import org.hprofdiff.index.HeapAnalysis;
import org.hprofdiff.index.IndexGraph;
import org.hprofdiff.index.table.StoredSummary;
import org.hprofdiff.index.query.RetainedSums;

/**
 * Retained bytes for the histogram ({@code histogram --retained}): each class row gets MAT's class-level retained
 * size from the dump's dominator tree, package and loader rows the same rule over their classes ({@link RetainedSums}
 * computes both), and the report the dump's reachability. A row's classes in the index are found by the index's class key for the row's name and
 * loader ({@link StoredSummary#classIndexes}), the one key summaries and the index share; a key that holds several
 * classes (java.lang.Class's class objects and its instances) counts them together.
 */
public final class RetainedColumn {
    private final Map<String, Long> byPackage;
    private final Map<String, Long> byLoader;
    private final ReachabilityCounts reachability;

    private RetainedColumn(Map<String, Long> byPackage, Map<String, Long> byLoader, ReachabilityCounts reachability) {
        this.byPackage = byPackage;
        this.byLoader = byLoader;
        this.reachability = reachability;
    }

    /** The summary with every row's retained bytes, and the group figures. */
    public record Applied(DumpSummary summary, RetainedColumn column) {}

    /**
     * @param groupBy the rows the report shows: the package or loader figures, which take a walk of the whole tree (28–35 s
     *                at 39.8 GB), only for those rows
     */
    public static Applied of(HeapAnalysis analysis, DumpSummary summary, HistogramReport.GroupBy groupBy) throws IOException {
        IndexGraph graph = analysis.graph();
        Map<String, int[]> byKey = analysis.index().summary().classIndexesByKey();
        String[] loaderLabel = new String[graph.classCount()];
        Map<String, int[]> classesOfKey = new LinkedHashMap<>();
        for (ClassStats row : summary.classes()) {
            int[] classes = byKey.getOrDefault(row.key(), new int[0]);
            classesOfKey.put(row.key(), classes);
            for (int c : classes) loaderLabel[c] = row.loader();
        }
        Map<String, Long> retainedOfKey = RetainedSums.ofKeys(analysis, classesOfKey);
        List<ClassStats> classes = new ArrayList<>(summary.classes().size());
        for (ClassStats row : summary.classes()) {
            classes.add(new ClassStats(row.name(), row.loader(), row.kind(), row.instances(), row.shallowBytes(), retainedOfKey.get(row.key())));
        }
        Map<String, Long> byPackage = Map.of();
        Map<String, Long> byLoader = Map.of();
        switch (groupBy) {
            case CLASS -> { }
            case PACKAGE -> byPackage = RetainedSums.ofLabellings(analysis, List.of(c -> HistogramQuery.packageOf(graph.className(c)))).getFirst();
            case LOADER -> byLoader = RetainedSums.ofLabellings(analysis, List.of(c -> loaderLabel[c])).getFirst();
        }
        DumpSummary withRetained = summary.withClasses(classes);
        return new Applied(withRetained, new RetainedColumn(byPackage, byLoader, ReachabilityCounts.of(analysis.dominators().summary())));
    }

    Long ofPackage(String label) { return byPackage.get(label); }

    Long ofLoader(String label) { return byLoader.get(label); }

    ReachabilityCounts reachability() { return reachability; }
}
