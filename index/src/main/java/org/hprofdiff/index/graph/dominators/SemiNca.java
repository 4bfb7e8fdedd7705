package org.hprofdiff.index.graph.dominators;

import org.hprofdiff.index.graph.offheap.Bits;
import org.hprofdiff.index.graph.offheap.NodeArray;
import org.hprofdiff.index.graph.offheap.Scratch;

/**
 * Immediate dominators by the semi-NCA algorithm (Georgiadis, Tarjan, Werneck: "Finding Dominators in
 * Practice", 2006): semidominators as in Lengauer–Tarjan, with path compression, then each immediate
 * dominator as the nearest common ancestor of the DFS parent and the semidominator in the tree built so
 * far. Works in pre-order numbers, so a dominator always has a smaller number than what it dominates.
 *
 * <p>No recursion: path compression reverses the ancestor pointers on the way up and restores them
 * (compressed) on the way down, so a path of any length needs no stack.
 *
 * <p>No array of its own for the semidominators: the pass goes from the last pre-order number down, and
 * once w's predecessor list is read, its end offset ({@code preds.end[w]}) is never read again (w - 1's list
 * ends where w's begins, and w + 1 is done), so w's semidominator takes its place.
 */
final class SemiNca {
    private SemiNca() {}

    /** Told how many pre-order numbers the semidominator pass has done, now and then. */
    interface Progress {
        void done(long numbers);
    }

    /**
     * Overwrites {@code parent} (DFS parents by pre-order number) with immediate dominators; entry 0 is the
     * virtual root. Closes {@code preds} as soon as they are read.
     */
    static void computeInPlace(NodeArray parent, PredecessorLists preds, Bits rootPredecessor, long count, Scratch scratch,
                               boolean wide, Progress progress) {
        NodeArray semi = preds.end;
        try (preds; LinkAndLabel forest = new LinkAndLabel(scratch, count, wide)) {
            semidominators(parent, preds, rootPredecessor, count, forest, progress);
            preds.preds.close();
            forest.close();
            nearestCommonAncestors(parent, semi, count);
        }
    }

    private static void semidominators(NodeArray parent, PredecessorLists preds, Bits rootPredecessor, long count,
                                       LinkAndLabel forest, Progress progress) {
        NodeArray predList = preds.preds;
        NodeArray endThenSemi = preds.end;
        for (long w = count - 1; w >= 1; w--) {
            long s = 0; // the virtual root: nothing can be smaller
            if (!rootPredecessor.get(w)) {
                s = parent.get(w);
                for (long k = preds.begin(w), end = endThenSemi.get(w); k < end; k++) {
                    long v = predList.get(k);
                    long candidate = v <= w ? v : eval(v, w, forest);
                    if (candidate < s) s = candidate;
                }
            }
            endThenSemi.set(w, s);
            forest.set(w, parent.get(w), s); // link(parent(w), w), label = semi
            if ((w & PROGRESS_EVERY) == 0) progress.done(count - w);
        }
    }

    private static final long PROGRESS_EVERY = (1 << 20) - 1;

    /**
     * The smallest semidominator on the forest path from processed node {@code v} up to (excluding) the
     * first unprocessed node (number ≤ {@code w}), compressing that path.
     */
    private static long eval(long v, long w, LinkAndLabel forest) {
        long x = v;
        long below = 0;
        long steps = 0;
        long a = forest.ancestor(x);
        while (a > w) { // x is not the top of its path yet: reverse its pointer and climb
            forest.setAncestor(x, below);
            below = x;
            x = a;
            a = forest.ancestor(x);
            steps++;
        }
        long min = forest.label(x);
        long y = below;
        for (long i = 0; i < steps; i++) { // back down: prefix minima from the top, every pointer to the top's root
            long next = forest.ancestor(y);
            long ly = forest.label(y);
            if (ly > min) ly = min;
            else min = ly;
            forest.set(y, a, ly);
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
