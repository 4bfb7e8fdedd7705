package org.hprofdiff.cli.report;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hprofdiff.cli.report.DominatorsReport.By;
import org.hprofdiff.cli.report.DominatorsReport.Query;
import org.hprofdiff.cli.report.DominatorsReport.Row;
import org.hprofdiff.index.HeapAnalysis;
import org.hprofdiff.index.IndexGraph;
import org.hprofdiff.index.analysis.dominators.DominatorTree;
import org.hprofdiff.index.analysis.dominators.Reachability;

/** The dominators report from a dump's dominator tree. */
public final class DominatorsQuery {
    private DominatorsQuery() {}

    public static DominatorsReport run(HeapAnalysis analysis, String dump, int dumpNumber, Query query) throws IOException {
        GraphFacts facts = new GraphFacts(analysis);
        GraphHeap heap = facts.heap(dump, dumpNumber);
        DominatorTree tree = analysis.dominators();
        long root = tree.virtualRoot();
        long topLevel = tree.childCount(root);
        return switch (query.by()) {
            case OBJECT -> {
                int limit = query.top() == null ? (int) Math.min(topLevel, Integer.MAX_VALUE - 8) : query.top();
                long[] tops = tree.largestChildren(root, limit);
                Map<Long, long[]> below = childrenBelow(tree, tops, query);
                List<Row> rows = new ArrayList<>();
                for (long node : tops) subtree(analysis.graph(), tree, facts, node, below, query, heap.treeBytes(), rows);
                long shown = rows.stream().filter(r -> r.level() == 0).count();
                yield new DominatorsReport(heap, query, rows, topLevel - shown);
            }
            case CLASS, PACKAGE -> grouped(analysis.graph(), tree, facts, query, heap);
        };
    }

    /**
     * The largest children of every object shown above the last level, asked level by level: the tree stores
     * the children of the objects that retain much, and finds the others' by a scan, which one call shares.
     */
    private static Map<Long, long[]> childrenBelow(DominatorTree tree, long[] tops, Query q) {
        Map<Long, long[]> below = new HashMap<>();
        long[] level = tops;
        for (int depth = 0; depth < q.depth() && level.length > 0; depth++) {
            long[][] children = tree.largestChildren(level, q.children());
            List<Long> next = new ArrayList<>();
            for (int i = 0; i < level.length; i++) {
                below.put(level[i], children[i]);
                for (long c : children[i]) next.add(c);
            }
            level = next.stream().mapToLong(Long::longValue).toArray();
        }
        return below;
    }

    /** The object's row and, down to the asked depth, its largest children's, in pre-order. */
    private static void subtree(IndexGraph g, DominatorTree tree, GraphFacts facts, long top, Map<Long, long[]> below, Query q, long heap,
                                List<Row> rows) {
        Deque<long[]> stack = new ArrayDeque<>(); // {node, level}
        stack.push(new long[] {top, 0});
        while (!stack.isEmpty()) {
            long[] at = stack.pop();
            long node = at[0];
            int level = (int) at[1];
            long retained = tree.retainedSize(node);
            rows.add(new Row(level, facts.classOf(node), facts.objectId(node), 1, g.shallowSize(node), retained, GraphFacts.percent(retained, heap),
                    tree.reachability(node) == Reachability.UNREACHABLE_KEPT));
            if (level < q.depth()) {
                long[] children = below.get(node);
                for (int i = children.length - 1; i >= 0; i--) stack.push(new long[] {children[i], level + 1});
            }
        }
    }

    /** The top-level dominators summed per class or package (siblings' retained sets are disjoint, so the sums are too). */
    private static DominatorsReport grouped(IndexGraph g, DominatorTree tree, GraphFacts facts, Query q, GraphHeap heap) {
        long root = tree.virtualRoot();
        int classes = g.classCount();
        long[] objects = new long[classes];
        long[] shallow = new long[classes];
        long[] retained = new long[classes];
        for (long i = 0, n = tree.childCount(root); i < n; i++) {
            long node = tree.child(root, i);
            int c = g.classIndex(node); // class objects group under java.lang.Class, as in a histogram
            objects[c]++;
            shallow[c] += g.shallowSize(node);
            retained[c] += tree.retainedSize(node);
        }
        Map<String, long[]> groups = new LinkedHashMap<>();
        for (int c = 0; c < classes; c++) {
            if (objects[c] == 0) continue;
            String label = q.by() == By.CLASS ? facts.classLabel(c) : HistogramQuery.packageOf(g.className(c));
            long[] sum = groups.computeIfAbsent(label, k -> new long[3]);
            sum[0] += objects[c];
            sum[1] += shallow[c];
            sum[2] += retained[c];
        }
        List<Row> all = new ArrayList<>();
        groups.forEach((label, s) -> all.add(new Row(0, label, null, s[0], s[1], s[2], GraphFacts.percent(s[2], heap.treeBytes()), false)));
        all.sort(Comparator.comparingLong(Row::retainedBytes).reversed().thenComparing(Row::label));
        List<Row> shown = q.top() == null ? all : all.subList(0, Math.min(q.top(), all.size()));
        return new DominatorsReport(heap, q, List.copyOf(shown), all.size() - shown.size());
    }
}
