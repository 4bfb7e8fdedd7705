package org.hprofdiff.index.analysis.dominators;

import org.hprofdiff.index.analysis.offheap.NodeArray;
import org.hprofdiff.index.analysis.offheap.Scratch;

/**
 * Immediate dominators by the semi-NCA algorithm (Georgiadis, Tarjan, Werneck: "Finding Dominators in
 * Practice", 2006): semidominators as in Lengauer–Tarjan, with path compression, then each immediate
 * dominator as the nearest common ancestor of the DFS parent and the semidominator in the tree built so
 * far. Works in pre-order numbers, so a dominator always has a smaller number than what it dominates.
 *
 * <p>No recursion: path compression reverses the ancestor pointers on the way up and restores them
 * (compressed) on the way down, so a path of any length needs no stack.
 */
final class SemiNca {
    private SemiNca() {}

    /**
     * Overwrites {@code parent} (DFS parents by pre-order number) with immediate dominators; entry 0 is
     * the virtual root.
     */
    static void computeInPlace(NodeArray parent, PredecessorLists preds, long count, Scratch scratch, boolean wide) {
        try (NodeArray semi = scratch.nodes(count, wide)) {
            try (NodeArray label = scratch.nodes(count, wide); NodeArray ancestor = scratch.nodes(count, wide)) {
                semidominators(parent, preds, count, semi, label, ancestor);
            }
            nearestCommonAncestors(parent, semi, count);
        }
    }

    private static void semidominators(NodeArray parent, PredecessorLists preds, long count, NodeArray semi,
                                       NodeArray label, NodeArray ancestor) {
        NodeArray predList = preds.preds;
        for (long w = count - 1; w >= 1; w--) {
            long s = parent.get(w);
            for (long k = preds.begin(w), end = preds.end.get(w); k < end; k++) {
                long v = predList.get(k);
                long candidate = v <= w ? v : eval(v, w, label, ancestor);
                if (candidate < s) s = candidate;
            }
            semi.set(w, s);
            label.set(w, s);
            ancestor.set(w, parent.get(w)); // link(parent(w), w)
        }
    }

    /**
     * The smallest semidominator on the forest path from processed node {@code v} up to (excluding) the
     * first unprocessed node (number ≤ {@code w}), compressing that path.
     */
    private static long eval(long v, long w, NodeArray label, NodeArray ancestor) {
        long x = v;
        long below = 0;
        long steps = 0;
        long a = ancestor.get(x);
        while (a > w) { // x is not the top of its path yet: reverse its pointer and climb
            ancestor.set(x, below);
            below = x;
            x = a;
            a = ancestor.get(x);
            steps++;
        }
        long min = label.get(x);
        long y = below;
        for (long i = 0; i < steps; i++) { // back down: prefix minima from the top, every pointer to the top's root
            long next = ancestor.get(y);
            long ly = label.get(y);
            if (ly > min) label.set(y, min);
            else min = ly;
            ancestor.set(y, a);
            y = next;
        }
        return min;
    }

    private static void nearestCommonAncestors(NodeArray parentThenIdom, NodeArray semi, long count) {
        for (long w = 1; w < count; w++) {
            long d = parentThenIdom.get(w);
            long s = semi.get(w);
            while (d > s) d = parentThenIdom.get(d); // entries below w already hold immediate dominators
            parentThenIdom.set(w, d);
        }
    }
}
