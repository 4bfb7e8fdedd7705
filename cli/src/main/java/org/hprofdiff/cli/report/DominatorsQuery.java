package org.hprofdiff.cli.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hprofdiff.cli.report.DominatorsReport.By;
import org.hprofdiff.cli.report.DominatorsReport.Query;
import org.hprofdiff.cli.report.DominatorsReport.Row;
import org.hprofdiff.index.HeapAnalysis;
import org.hprofdiff.index.query.HeapTotals;
import org.hprofdiff.index.query.LargestDominators;

/** The dominators report: the index's largest dominators, labelled, or grouped by class label or package. */
public final class DominatorsQuery {
    private DominatorsQuery() {}

    public static DominatorsReport run(HeapAnalysis analysis, String dump, int dumpNumber, Query query) throws IOException {
        GraphHeap heap = GraphHeap.of(dump, dumpNumber, HeapTotals.of(analysis));
        ObjectLabels labels = new ObjectLabels(analysis.index());
        return switch (query.by()) {
            case OBJECT -> {
                LargestDominators.Objects found = LargestDominators.objects(analysis, query.top(), query.depth(), query.children());
                List<Row> rows = new ArrayList<>(found.rows().size());
                for (LargestDominators.ObjectRow r : found.rows()) {
                    rows.add(new Row(r.level(), labels.classOf(r.node()), labels.objectId(r.node()), 1, r.shallowBytes(), r.retainedBytes(),
                            heap.percent(r.retainedBytes()), r.unreachableKept()));
                }
                yield new DominatorsReport(heap, query, rows, found.more());
            }
            case CLASS, PACKAGE -> grouped(analysis, labels, query, heap);
        };
    }

    /** The index's per-class sums of the top-level dominators, merged per class label or package. */
    private static DominatorsReport grouped(HeapAnalysis analysis, ObjectLabels labels, Query q, GraphHeap heap) throws IOException {
        Map<String, long[]> groups = new LinkedHashMap<>();
        for (LargestDominators.ClassSums c : LargestDominators.perClass(analysis)) {
            String label = q.by() == By.CLASS ? labels.classLabel(c.classIndex()) : HistogramQuery.packageOf(analysis.graph().className(c.classIndex()));
            long[] sum = groups.computeIfAbsent(label, k -> new long[3]);
            sum[0] += c.objects();
            sum[1] += c.shallowBytes();
            sum[2] += c.retainedBytes();
        }
        List<Row> all = new ArrayList<>();
        groups.forEach((label, s) -> all.add(new Row(0, label, null, s[0], s[1], s[2], heap.percent(s[2]), false)));
        all.sort(Comparator.comparingLong(Row::retainedBytes).reversed().thenComparing(Row::label));
        List<Row> shown = q.top() == null ? all : all.subList(0, Math.min(q.top(), all.size()));
        return new DominatorsReport(heap, q, List.copyOf(shown), all.size() - shown.size());
    }
}
