package org.hprofdiff.cli.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hprofdiff.core.summary.ClassStats;
import org.hprofdiff.core.summary.DumpSummary;
import org.hprofdiff.index.HeapAnalysis;
import org.hprofdiff.index.IndexGraph;
import org.hprofdiff.index.analysis.dominators.DominatorTree;
import org.hprofdiff.index.graph.ClassInfo;
import org.hprofdiff.index.graph.ClassTable;

/**
 * Retained bytes for the histogram ({@code histogram --retained}): each class row gets MAT's class-level retained
 * size from the dump's dominator tree, package and loader rows the same rule over their classes, and the report
 * the dump's reachability. The histogram's rows come from the streaming summary, the retained sizes from the
 * index; a row is matched to the index's class by Java name, then, where several loaders define the name, by
 * the loader (bootstrap, or the loader's class), then by count and bytes. A row that stays ambiguous gets none.
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

    /** The summary with every matched class's retained bytes, and the group figures. */
    public record Applied(DumpSummary summary, RetainedColumn column) {}

    public static Applied of(HeapAnalysis analysis, DumpSummary summary) throws IOException {
        DominatorTree tree = analysis.dominators();
        IndexGraph graph = analysis.graph();
        ClassTable table = analysis.index().classes();
        Map<String, List<Integer>> byName = new HashMap<>();
        for (ClassInfo c : table.all()) if (c.instances() > 0) byName.computeIfAbsent(c.javaName(), k -> new ArrayList<>()).add(c.index());
        boolean[] taken = new boolean[table.size()];
        String[] loaderLabel = new String[table.size()];
        List<ClassStats> classes = new ArrayList<>(summary.classes().size());
        for (ClassStats row : summary.classes()) {
            int c = match(analysis, row, byName.getOrDefault(row.name(), List.of()), taken);
            if (c < 0) {
                classes.add(row);
                continue;
            }
            taken[c] = true;
            loaderLabel[c] = row.loader();
            classes.add(new ClassStats(row.name(), row.loader(), row.kind(), row.instances(), row.shallowBytes(), tree.classRetained(c)));
        }
        List<Map<String, Long>> byLabel = groups(analysis, tree, graph.classCount(),
                List.of(c -> HistogramQuery.packageOf(graph.className(c)), c -> loaderLabel[c]));
        Map<String, Long> packages = byLabel.get(0);
        Map<String, Long> loaders = byLabel.get(1);
        DumpSummary withRetained = new DumpSummary(summary.schemaVersion(), summary.dump(), summary.sizeModel(), summary.totals(), classes,
                summary.arraysByLength(), summary.completeness());
        return new Applied(withRetained, new RetainedColumn(packages, loaders, ReachabilityCounts.of(tree.summary())));
    }

    /** The index's class for a histogram row, or -1. */
    private static int match(HeapAnalysis analysis, ClassStats row, List<Integer> sameName, boolean[] taken) {
        List<Integer> left = sameName.stream().filter(c -> !taken[c]).toList();
        if (left.size() > 1) {
            left = left.stream().filter(c -> loaderClass(analysis, c).equals(loaderBase(row.loader()))).toList();
        }
        if (left.size() > 1) {
            ClassTable t = analysis.index().classes();
            left = left.stream().filter(c -> t.get(c).instances() == row.instances() && t.get(c).instanceBytes() == row.shallowBytes()).toList();
        }
        return left.size() == 1 ? left.getFirst() : -1;
    }

    /** "bootstrap", or the Java name of the defining loader's class. */
    private static String loaderClass(HeapAnalysis analysis, int classIndex) {
        ClassInfo c = analysis.index().classes().get(classIndex);
        if (c.loaderId() == 0) return ClassStats.BOOTSTRAP;
        return c.loaderOrdinal() < 0 ? "unknown loader" : analysis.index().classOf(c.loaderOrdinal()).javaName();
    }

    /** A row's loader label without the "#n" that tells loaders of one class apart. */
    private static String loaderBase(String label) {
        int hash = label.lastIndexOf('#');
        return hash < 0 ? label : label.substring(0, hash);
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
