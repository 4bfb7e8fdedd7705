package org.hprofdiff.index.growth;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hprofdiff.index.HeapAnalysis;
import org.hprofdiff.index.IndexGraph;
import org.hprofdiff.index.graph.dominators.DominatorTree;
import org.hprofdiff.index.graph.dominators.TreeVisitor;
import org.hprofdiff.index.graph.offheap.Bits;
import org.hprofdiff.index.graph.paths.PathNode;
import org.hprofdiff.index.graph.paths.PathStep;
import org.hprofdiff.index.graph.paths.PathTrie;
import org.hprofdiff.index.graph.paths.ShortestPaths;

/**
 * The merged retention paths of many rows of one dump in one pass over its objects (docs/growth-analysis.md,
 * section 6), each row's exactly as if its objects had been merged alone: the signatures come from one
 * {@link PathTrie}, whose ids do not depend on which objects were asked about; the bytes a row's objects retain
 * count once per row — an object that another object of the same row dominates adds its count but no bytes — as one
 * walk of the dominator tree decides for every row at once. So a diff that asks for five rows and a saved summary
 * that keeps a thousand give the same numbers for the same row.
 */
final class RowLeaves {

    /** The row an object belongs to among the rows of one kind (at most one), or -1. */
    @FunctionalInterface
    interface RowOf {
        int rowOf(long node);
    }

    /**
     * One path of one row.
     *
     * @param steps          root side first, ending at the row's objects' step
     * @param objects        objects of the row whose shortest path this is
     * @param retainedBytes  bytes they retain, each counted once within the row
     * @param samples        the first few of them, in object order
     * @param loaders        the class loaders that keep them (see {@link PathNode#loaders()})
     */
    record Leaf(List<PathStep> steps, long objects, long retainedBytes, long[] samples, Set<Long> loaders) {}

    private static final class Sum {
        long objects;
        long retained;
        long[] samples = new long[0];
        final Set<Long> loaders = new LinkedHashSet<>();
    }

    private RowLeaves() {}

    /** The rows of one kind: each object's row among them ({@link RowOf}) and how many there are. */
    record Rows(RowOf rowOf, int count) {}

    /**
     * Every row's paths, kind by kind (as {@code kinds}) and row by row, each row's in signature order. One walk of
     * the dominator tree and one pass over the objects serve every kind: an object may be in a row of each kind
     * (a {@code HashMap$Node[16384]} is in its class row and its length row), and its path is merged once.
     */
    static List<List<List<Leaf>>> of(HeapAnalysis analysis, PathTrie trie, List<Rows> kinds) throws IOException {
        IndexGraph graph = analysis.graph();
        ShortestPaths paths = analysis.shortestPaths();
        DominatorTree tree = analysis.dominators();
        long n = graph.nodeCount();
        int k = kinds.size();
        List<List<Map<Integer, Sum>>> byRow = new ArrayList<>(k);
        for (Rows rows : kinds) {
            List<Map<Integer, Sum>> ofKind = new ArrayList<>(rows.count());
            for (int r = 0; r < rows.count(); r++) ofKind.add(new HashMap<>());
            byRow.add(ofKind);
        }
        List<Bits> top = topOfRow(analysis, tree, kinds);
        try {
            int[] rowIn = new int[k];
            for (long node = 0; node < n; node++) {
                boolean any = false;
                for (int i = 0; i < k; i++) any |= (rowIn[i] = kinds.get(i).rowOf().rowOf(node)) >= 0;
                if (!any || !paths.hasPath(node)) continue;
                boolean loader = graph.definesClasses(node);
                String loaderName = loader ? PathStep.Loader.fold(graph.loaderName(node)) : null;
                int leaf = trie.child(trie.prefixOf(node), new PathStep.Target(trie.className(graph.classIndex(node)), loaderName));
                long pinned = trie.firstLoader(node);
                for (int i = 0; i < k; i++) {
                    if (rowIn[i] < 0) continue;
                    Sum sum = byRow.get(i).get(rowIn[i]).computeIfAbsent(leaf, x -> new Sum());
                    sum.objects++;
                    if (top.get(i).get(node) && tree.reachability(node).inTree()) sum.retained += tree.retainedSize(node);
                    if (sum.samples.length < PathNode.SAMPLES) {
                        sum.samples = Arrays.copyOf(sum.samples, sum.samples.length + 1);
                        sum.samples[sum.samples.length - 1] = node;
                    }
                    if (pinned != PathTrie.NO_LOADER) sum.loaders.add(pinned);
                    else if (loader) sum.loaders.add(node);
                }
            }
        } finally {
            top.forEach(Bits::close);
        }
        List<List<List<Leaf>>> out = new ArrayList<>(k);
        for (List<Map<Integer, Sum>> ofKind : byRow) {
            List<List<Leaf>> rows = new ArrayList<>(ofKind.size());
            for (Map<Integer, Sum> row : ofKind) {
                List<Leaf> leaves = new ArrayList<>(row.size());
                row.forEach((id, sum) -> leaves.add(new Leaf(trie.steps(id), sum.objects, sum.retained, sum.samples, sum.loaders)));
                leaves.sort(Comparator.comparing(l -> DumpPaths.signature(l.steps())));
                rows.add(leaves);
            }
            out.add(rows);
        }
        return out;
    }

    /** Per kind, the objects no other object of their own row dominates: one depth-first walk of the dominator tree. */
    private static List<Bits> topOfRow(HeapAnalysis analysis, DominatorTree tree, List<Rows> kinds) {
        int k = kinds.size();
        List<Bits> top = new ArrayList<>(k);
        int[][] open = new int[k][];
        try {
            for (int i = 0; i < k; i++) {
                top.add(analysis.scratch().bits(Math.max(1, analysis.graph().nodeCount())));
                open[i] = new int[kinds.get(i).count()];
            }
            tree.walk(analysis.scratch(), new TreeVisitor() {
                @Override public void enter(long node) {
                    for (int i = 0; i < k; i++) {
                        int r = kinds.get(i).rowOf().rowOf(node);
                        if (r >= 0 && open[i][r]++ == 0) top.get(i).set(node);
                    }
                }

                @Override public void exit(long node) {
                    for (int i = 0; i < k; i++) {
                        int r = kinds.get(i).rowOf().rowOf(node);
                        if (r >= 0) open[i][r]--;
                    }
                }
            });
        } catch (RuntimeException | Error e) {
            top.forEach(Bits::close);
            throw e;
        }
        return top;
    }
}
