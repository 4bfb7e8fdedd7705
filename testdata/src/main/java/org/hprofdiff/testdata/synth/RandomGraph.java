package org.hprofdiff.testdata.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * A small random object graph and the heap it was written into. Nodes are numbered 0..n-1; {@code ids[i]}
 * is node i's object id in {@link #heap()}. Only instance and array nodes are in the graph: the edges to
 * class objects every object has (and class objects as sticky roots) are left out, as graph tests compare
 * object-to-object reachability.
 *
 * @param strong  strong successors per node, one entry per non-null reference slot (duplicates kept)
 * @param weak    for WeakReference nodes, the referent (at most one); empty otherwise
 * @param roots   nodes that are GC roots
 * @param weakReference whether the node is a java.lang.ref.WeakReference instance
 */
public record RandomGraph(SyntheticHeap heap, long[] ids, int[][] strong, int[][] weak, int[] roots,
                          boolean[] weakReference) {

    public int size() {
        return ids.length;
    }

    /** Nodes reachable from the roots through strong edges (weak referents are not followed). */
    public boolean[] stronglyReachable() {
        boolean[] seen = new boolean[size()];
        List<Integer> stack = new ArrayList<>();
        for (int root : roots) {
            if (!seen[root]) {
                seen[root] = true;
                stack.add(root);
            }
        }
        while (!stack.isEmpty()) {
            int node = stack.remove(stack.size() - 1);
            for (int next : strong[node]) {
                if (!seen[next]) {
                    seen[next] = true;
                    stack.add(next);
                }
            }
        }
        return seen;
    }
}
