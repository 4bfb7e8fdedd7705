package org.hprofdiff.index.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.hprofdiff.index.HeapAnalysis;
import org.hprofdiff.index.graph.dominators.DominatorTree;

/**
 * Retained bytes of sets of classes, by MAT's class-level rule (objects dominated by another object of the same set
 * counted once): for the rows of a histogram ({@code histogram --retained}) and for groups of classes (packages,
 * loaders).
 */
public final class RetainedSums {
    private RetainedSums() {}

    /** Up to this many keys of several classes are summed by climbing the dominators (usually one: java.lang.Class's). */
    private static final int FEW_GROUPS = 8;

    /**
     * Each key's class-level retained bytes: its one class's from the tree, or its classes' together (java.lang.Class's
     * class objects and its instances share a key); no entry for a key without classes.
     *
     * @param classesOfKey each row key's class indexes in the index
     */
    public static Map<String, Long> ofKeys(HeapAnalysis analysis, Map<String, int[]> classesOfKey) throws IOException {
        DominatorTree tree = analysis.dominators();
        Map<String, Long> out = new HashMap<>();
        Map<String, Integer> group = new HashMap<>();
        int[] groupOf = new int[analysis.graph().classCount()];
        Arrays.fill(groupOf, -1);
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
            long[] sums = group.size() <= FEW_GROUPS
                    ? tree.retainedByFewGroups(analysis.graph(), c -> groupOf[c], group.size(), analysis.scratch())
                    : tree.retainedByGroup(analysis.graph(), c -> groupOf[c], group.size(), analysis.scratch());
            group.forEach((key, g) -> out.put(key, sums[g]));
        }
        return out;
    }

    /**
     * Retained bytes per group label, for each labelling of the class indexes ({@code null}: in no group); all
     * labellings in one walk of the tree.
     */
    public static List<Map<String, Long>> ofLabellings(HeapAnalysis analysis, List<IntFunction<String>> labellings) throws IOException {
        DominatorTree tree = analysis.dominators();
        int classes = analysis.graph().classCount();
        List<DominatorTree.Grouping> groupings = new ArrayList<>();
        List<List<String>> namesOf = new ArrayList<>();
        for (IntFunction<String> label : labellings) {
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
}
