package org.hprofdiff.index.query;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hprofdiff.index.HeapAnalysis;
import org.hprofdiff.index.IndexGraph;
import org.hprofdiff.index.graph.dominators.DominatorTree;
import org.hprofdiff.index.graph.dominators.Reachability;

/** The objects directly below the GC roots in the dominator tree, most retained first: one by one with the tree below them, or summed per class. */
public final class LargestDominators {
    private LargestDominators() {}

    /**
     * One object of the tree.
     *
     * @param level           0 for a top-level dominator, n for n levels below one
     * @param node            its ordinal
     * @param unreachableKept true when no GC root reaches it (in the tree because unreachable objects are kept)
     */
    public record ObjectRow(int level, long node, long shallowBytes, long retainedBytes, boolean unreachableKept) {}

    /**
     * @param rows in pre-order: each top-level object followed by the rows of its subtree
     * @param more top-level objects not shown
     */
    public record Objects(List<ObjectRow> rows, long more) {}

    /** The top-level dominators of one class together (siblings' retained sets are disjoint, so the sums are too). */
    public record ClassSums(int classIndex, long objects, long shallowBytes, long retainedBytes) {}

    /**
     * The {@code top} largest top-level dominators (null: all), each with its {@code children} largest children down to
     * {@code depth} levels.
     */
    public static Objects objects(HeapAnalysis analysis, Integer top, int depth, int children) throws IOException {
        DominatorTree tree = analysis.dominators();
        long root = tree.virtualRoot();
        long topLevel = tree.childCount(root);
        int limit = top == null ? (int) Math.min(topLevel, Integer.MAX_VALUE - 8) : top;
        long[] tops = tree.largestChildren(root, limit);
        Map<Long, long[]> below = childrenBelow(tree, tops, depth, children);
        List<ObjectRow> rows = new ArrayList<>();
        for (long node : tops) subtree(analysis.graph(), tree, node, below, depth, rows);
        long shown = rows.stream().filter(r -> r.level() == 0).count();
        return new Objects(List.copyOf(rows), topLevel - shown);
    }

    /** The top-level dominators summed per class (class objects count under java.lang.Class, as in a histogram), in class order. */
    public static List<ClassSums> perClass(HeapAnalysis analysis) throws IOException {
        DominatorTree tree = analysis.dominators();
        IndexGraph g = analysis.graph();
        long root = tree.virtualRoot();
        int classes = g.classCount();
        long[] objects = new long[classes];
        long[] shallow = new long[classes];
        long[] retained = new long[classes];
        for (long i = 0, n = tree.childCount(root); i < n; i++) {
            long node = tree.child(root, i);
            int c = g.classIndex(node);
            objects[c]++;
            shallow[c] += g.shallowSize(node);
            retained[c] += tree.retainedSize(node);
        }
        List<ClassSums> out = new ArrayList<>();
        for (int c = 0; c < classes; c++) if (objects[c] > 0) out.add(new ClassSums(c, objects[c], shallow[c], retained[c]));
        return out;
    }

    /**
     * The largest children of every object shown above the last level, asked level by level: the tree stores
     * the children of the objects that retain much, and finds the others' by a scan, which one call shares.
     */
    private static Map<Long, long[]> childrenBelow(DominatorTree tree, long[] tops, int depth, int perObject) {
        Map<Long, long[]> below = new HashMap<>();
        long[] level = tops;
        for (int d = 0; d < depth && level.length > 0; d++) {
            long[][] children = tree.largestChildren(level, perObject);
            List<Long> next = new ArrayList<>();
            for (int i = 0; i < level.length; i++) {
                below.put(level[i], children[i]);
                for (long c : children[i]) next.add(c);
            }
            level = next.stream().mapToLong(Long::longValue).toArray();
        }
        return below;
    }

    /** The object's row and, down to {@code depth}, its largest children's, in pre-order. */
    private static void subtree(IndexGraph g, DominatorTree tree, long top, Map<Long, long[]> below, int depth, List<ObjectRow> rows) {
        Deque<long[]> stack = new ArrayDeque<>(); // {node, level}
        stack.push(new long[] {top, 0});
        while (!stack.isEmpty()) {
            long[] at = stack.pop();
            long node = at[0];
            int level = (int) at[1];
            rows.add(new ObjectRow(level, node, g.shallowSize(node), tree.retainedSize(node), tree.reachability(node) == Reachability.UNREACHABLE_KEPT));
            if (level < depth) {
                long[] children = below.get(node);
                for (int i = children.length - 1; i >= 0; i--) stack.push(new long[] {children[i], level + 1});
            }
        }
    }
}
