package org.hprofdiff.cli.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hprofdiff.core.summary.ClassStats;
import org.hprofdiff.core.summary.DumpSummary;
import org.hprofdiff.index.HeapAnalysis;
import org.hprofdiff.index.IndexGraph;
import org.hprofdiff.index.analysis.dominators.DominatorTree;
import org.hprofdiff.index.graph.StoredSummary;

/**
 * Retained bytes for the histogram ({@code histogram --retained}): each class row gets MAT's class-level retained
 * size from the dump's dominator tree, package and loader rows the same rule over their classes, and the report
 * the dump's reachability. A row's classes in the index are found by the index's class key for the row's name and
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

    public static Applied of(HeapAnalysis analysis, DumpSummary summary) throws IOException {
        DominatorTree tree = analysis.dominators();
        IndexGraph graph = analysis.graph();
        StoredSummary keys = analysis.index().summary();
        String[] loaderLabel = new String[graph.classCount()];
        Map<String, int[]> classesOfKey = new LinkedHashMap<>();
        for (ClassStats row : summary.classes()) {
            int[] classes = keys.classIndexes(row.name(), row.loader());
            classesOfKey.put(row.key(), classes);
            for (int c : classes) loaderLabel[c] = row.loader();
        }
        Map<String, Long> retainedOfKey = retainedOfKeys(analysis, tree, graph.classCount(), classesOfKey);
        List<ClassStats> classes = new ArrayList<>(summary.classes().size());
        for (ClassStats row : summary.classes()) {
            classes.add(new ClassStats(row.name(), row.loader(), row.kind(), row.instances(), row.shallowBytes(), retainedOfKey.get(row.key())));
        }
        List<Map<String, Long>> byLabel = groups(analysis, tree, graph.classCount(),
                List.of(c -> HistogramQuery.packageOf(graph.className(c)), c -> loaderLabel[c]));
        Map<String, Long> packages = byLabel.get(0);
        Map<String, Long> loaders = byLabel.get(1);
        DumpSummary withRetained = summary.withClasses(classes);
        return new Applied(withRetained, new RetainedColumn(packages, loaders, ReachabilityCounts.of(tree.summary())));
    }

    /** Each key's class-level retained bytes: its one class's from the tree, or its classes' together; null for a key without classes. */
    private static Map<String, Long> retainedOfKeys(HeapAnalysis analysis, DominatorTree tree, int classCount, Map<String, int[]> classesOfKey) {
        Map<String, Long> out = new HashMap<>();
        Map<String, Integer> group = new HashMap<>();
        int[] groupOf = new int[classCount];
        java.util.Arrays.fill(groupOf, -1);
        classesOfKey.forEach((key, classes) -> {
            if (classes.length == 1) {
                out.put(key, tree.classRetained(classes[0]));
            } else if (classes.length > 1) {
                int g = group.size();
                group.put(key, g);
                for (int c : classes) groupOf[c] = g;
            }
        });
        if (!group.isEmpty()) {
            long[] sums = tree.retainedByGroup(analysis.graph(), c -> groupOf[c], group.size(), analysis.scratch());
            group.forEach((key, g) -> out.put(key, sums[g]));
        }
        return out;
    }

    /**
     * Retained bytes per group label (objects dominated by another object of the same group counted once), for
     * each labelling of the classes ({@code null}: in no group); all labellings in one walk of the tree.
     */
    private static List<Map<String, Long>> groups(HeapAnalysis analysis, DominatorTree tree, int classes,
                                                  List<java.util.function.IntFunction<String>> labellings) {
        List<DominatorTree.Grouping> groupings = new ArrayList<>();
        List<List<String>> namesOf = new ArrayList<>();
        for (java.util.function.IntFunction<String> label : labellings) {
            Map<String, Integer> ids = new HashMap<>();
            List<String> names = new ArrayList<>();
            int[] groupOf = new int[classes];
            for (int c = 0; c < classes; c++) {
                String l = label.apply(c);
                if (l == null) {
                    groupOf[c] = -1;
                    continue;
                }
                groupOf[c] = ids.computeIfAbsent(l, k -> {
                    names.add(k);
                    return names.size() - 1;
                });
            }
            groupings.add(new DominatorTree.Grouping(c -> groupOf[c], names.size()));
            namesOf.add(names);
        }
        List<long[]> sums = tree.retainedByGroups(analysis.graph(), groupings, analysis.scratch());
        List<Map<String, Long>> out = new ArrayList<>();
        for (int i = 0; i < labellings.size(); i++) {
            Map<String, Long> byName = new HashMap<>();
            for (int g = 0; g < namesOf.get(i).size(); g++) byName.put(namesOf.get(i).get(g), sums.get(i)[g]);
            out.add(byName);
        }
        return out;
    }

    Long ofPackage(String label) { return byPackage.get(label); }

    Long ofLoader(String label) { return byLoader.get(label); }

    ReachabilityCounts reachability() { return reachability; }
}
