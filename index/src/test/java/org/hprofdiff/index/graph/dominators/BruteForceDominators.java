package org.hprofdiff.index.graph.dominators;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hprofdiff.index.graph.ObjectGraph;
import org.hprofdiff.index.graph.References;

/**
 * The expected answers for small graphs, by definition rather than by algorithm: the graph the dominators
 * are defined on (docs/semantics.md, section 5) is built explicitly, and d dominates v when removing d
 * makes v unreachable from the virtual root.
 */
final class BruteForceDominators {
    static final int ROOT = -1;
    static final int NOT_IN_TREE = -2;

    final Reachability[] reachability;
    final int[] idom;
    final long[] retained;
    final long[] classRetained;
    final long treeBytes;

    BruteForceDominators(ObjectGraph g, References refs, boolean keepUnreachable) {
        int n = (int) g.nodeCount();
        boolean followWeak = refs == References.ALL;
        boolean[] strong = reach(g, n, r -> refs.retains(g.rootKind(r)), followWeak);
        boolean[] any = reach(g, n, r -> true, true);
        reachability = new Reachability[n];
        for (int v = 0; v < n; v++) {
            reachability[v] = strong[v] ? Reachability.STRONG : any[v] && !followWeak ? Reachability.WEAK : Reachability.UNREACHABLE;
        }
        List<Integer> unreachableEntries = new ArrayList<>();
        if (keepUnreachable) keepUnreachable(g, n, unreachableEntries);

        // the graph the dominators are defined on: node n is the virtual root
        List<List<Integer>> succ = new ArrayList<>();
        for (int v = 0; v <= n; v++) succ.add(new ArrayList<>());
        for (long r = 0; r < g.rootCount(); r++) {
            int v = (int) g.rootNode(r);
            if (refs.retains(g.rootKind(r)) || reachability[v] != Reachability.STRONG) succ.get(n).add(v);
        }
        for (int v : unreachableEntries) succ.get(n).add(v);
        for (int u = 0; u < n; u++) {
            if (!reachability[u].inTree()) continue;
            for (long e = g.firstEdge(u); e < g.firstEdge(u + 1); e++) {
                int t = (int) g.edgeTarget(e);
                if (rank(reachability[u]) > rank(reachability[t])) continue;
                if (!followWeak && g.isWeakEdge(e)) {
                    if (reachability[t] != Reachability.STRONG) succ.get(n).add(t);
                } else {
                    succ.get(u).add(t);
                }
            }
        }
        boolean[] inTree = reachFrom(succ, n, -1);
        for (int v = 0; v < n; v++) {
            if (inTree[v] != reachability[v].inTree()) throw new AssertionError("oracle inconsistent at " + v);
        }
        boolean[][] dominates = new boolean[n][];
        int[] dominatorCount = new int[n];
        for (int d = 0; d < n; d++) {
            if (!inTree[d]) continue;
            boolean[] without = reachFrom(succ, n, d);
            dominates[d] = new boolean[n];
            for (int v = 0; v < n; v++) {
                if (v != d && inTree[v] && !without[v]) {
                    dominates[d][v] = true;
                    dominatorCount[v]++;
                }
            }
        }
        idom = new int[n];
        retained = new long[n];
        long total = 0;
        for (int v = 0; v < n; v++) {
            if (!inTree[v]) {
                idom[v] = NOT_IN_TREE;
                continue;
            }
            total += g.shallowSize(v);
            int best = ROOT;
            for (int d = 0; d < n; d++) {
                if (dominates[d] != null && dominates[d][v] && (best == ROOT || dominatorCount[d] > dominatorCount[best])) best = d;
            }
            idom[v] = best;
            retained[v] = g.shallowSize(v);
            for (int w = 0; w < n; w++) if (dominates[v][w]) retained[v] += g.shallowSize(w);
        }
        treeBytes = total;
        classRetained = new long[g.classCount()];
        for (int v = 0; v < n; v++) {
            if (!inTree[v]) continue;
            boolean nested = false;
            for (int d = 0; d < n; d++) {
                if (dominates[d] != null && dominates[d][v] && g.classIndex(d) == g.classIndex(v)) nested = true;
            }
            if (!nested) classRetained[g.classIndex(v)] += retained[v];
        }
    }

    /**
     * The retained bytes of the objects of every class but class 0 that no object of such a class dominates
     * (set retained size of "all classes but the first", by definition).
     */
    long retainedByClassesOtherThanTheFirst(ObjectGraph g) {
        long sum = 0;
        for (int v = 0; v < reachability.length; v++) {
            if (!reachability[v].inTree() || g.classIndex(v) == 0) continue;
            boolean nested = false;
            for (int d = idom[v]; d >= 0; d = idom[d]) if (g.classIndex(d) != 0) nested = true;
            if (!nested) sum += retained[v];
        }
        return sum;
    }

    private static int rank(Reachability r) {
        return switch (r) {
            case STRONG -> 0;
            case WEAK -> 1;
            case UNREACHABLE_KEPT -> 2;
            case UNREACHABLE -> 3;
        };
    }

    /** Unreachable objects no other unreachable object references enter first, then the lowest ordinal left. */
    private void keepUnreachable(ObjectGraph g, int n, List<Integer> entries) {
        boolean[] referenced = new boolean[n];
        for (int u = 0; u < n; u++) {
            if (reachability[u] != Reachability.UNREACHABLE) continue;
            for (long e = g.firstEdge(u); e < g.firstEdge(u + 1); e++) {
                int t = (int) g.edgeTarget(e);
                if (t != u && reachability[t] == Reachability.UNREACHABLE) referenced[t] = true;
            }
        }
        boolean[] covered = new boolean[n];
        for (int v = 0; v < n; v++) {
            if (reachability[v] == Reachability.UNREACHABLE && !referenced[v]) {
                entries.add(v);
                coverUnreachable(g, v, covered);
            }
        }
        for (int v = 0; v < n; v++) {
            if (reachability[v] == Reachability.UNREACHABLE && !covered[v]) {
                entries.add(v);
                coverUnreachable(g, v, covered);
            }
        }
        for (int v = 0; v < n; v++) if (reachability[v] == Reachability.UNREACHABLE) reachability[v] = Reachability.UNREACHABLE_KEPT;
    }

    private void coverUnreachable(ObjectGraph g, int from, boolean[] covered) {
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(from));
        covered[from] = true;
        while (!queue.isEmpty()) {
            int u = queue.poll();
            for (long e = g.firstEdge(u); e < g.firstEdge(u + 1); e++) {
                int t = (int) g.edgeTarget(e);
                if (reachability[t] == Reachability.UNREACHABLE && !covered[t]) {
                    covered[t] = true;
                    queue.add(t);
                }
            }
        }
    }

    private interface RootFilter {
        boolean test(long root);
    }

    private static boolean[] reach(ObjectGraph g, int n, RootFilter roots, boolean followWeak) {
        boolean[] seen = new boolean[n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (long r = 0; r < g.rootCount(); r++) {
            int v = (int) g.rootNode(r);
            if (roots.test(r) && !seen[v]) {
                seen[v] = true;
                queue.add(v);
            }
        }
        while (!queue.isEmpty()) {
            int u = queue.poll();
            for (long e = g.firstEdge(u); e < g.firstEdge(u + 1); e++) {
                if (!followWeak && g.isWeakEdge(e)) continue;
                int t = (int) g.edgeTarget(e);
                if (!seen[t]) {
                    seen[t] = true;
                    queue.add(t);
                }
            }
        }
        return seen;
    }

    /** Nodes reachable from the virtual root {@code n} in {@code succ}, never passing {@code removed}. */
    private static boolean[] reachFrom(List<List<Integer>> succ, int n, int removed) {
        boolean[] seen = new boolean[n + 1];
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(n));
        seen[n] = true;
        while (!queue.isEmpty()) {
            int u = queue.poll();
            for (int t : succ.get(u)) {
                if (t != removed && !seen[t]) {
                    seen[t] = true;
                    queue.add(t);
                }
            }
        }
        return Arrays.copyOf(seen, n);
    }
}
