package org.hprofdiff.index.graph.dominators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.hprofdiff.index.graph.InMemoryGraph;
import org.hprofdiff.index.graph.PhaseListener;
import org.hprofdiff.index.graph.References;
import org.hprofdiff.index.graph.offheap.Scratch;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Immediate dominators, retained sizes, class-level retained sizes and reachability of thousands of random
 * small graphs, against {@link BruteForceDominators} (remove each object, see what becomes unreachable).
 * "tight" stores the trees as a dump of billions of objects would be: no child lists but the virtual root's
 * (children found by scanning) and retained sizes over a tiny limit in the overflow table. The passes that
 * split run on one thread with "wide", on three (more than the parts some graphs have) with "tight".
 */
class DominatorsBruteForceTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}, keepUnreachable={1}, wide={2}, tight={3}, over budget={4}")
    @CsvSource({
            "STRONG, false, false, false, false",
            "STRONG, true, false, false, false",
            "ALL, false, false, false, false",
            "ALL, true, false, false, false",
            "STRONG, true, true, false, false",
            "STRONG, true, false, true, false",
            "ALL, false, true, true, false",
            "STRONG, true, false, false, true",
            "ALL, false, true, false, true",
    })
    void randomGraphsMatchBruteForce(References refs, boolean keep, boolean wide, boolean tight, boolean overBudget) throws Exception {
        int graphs = wide || tight || overBudget ? 300 : 1000;
        long[] seen = new long[4]; // weakly reachable objects, kept unreachable objects, deep dominators, nested classes
        // over budget: a budget of nothing, so the arrays are placed as for a dump bigger than memory (the lists and
        // their ends and semi-NCA's forest in memory past the budget, the stored columns filled in memory; the rest in
        // mapped files)
        try (Scratch scratch = overBudget ? Scratch.preferMemory(dir, 0) : Scratch.inMemory()) {
            for (long seed = 1; seed <= graphs; seed++) {
                InMemoryGraph g = RandomSmallGraphs.create(seed);
                BruteForceDominators expected = new BruteForceDominators(g, refs, keep);
                Path file = dir.resolve("dom-" + seed);
                Dominators.Tuning tuning = new Dominators.Tuning(wide, false, tight ? 0 : 1 << 20, tight ? 2 : Dominators.Tuning.MAX_UNITS,
                        tight ? 3 : wide ? 1 : 2);
                boolean[] early = new boolean[Math.toIntExact(g.nodeCount())];
                boolean besides = seed % 2 == 0; // as if a search ran beside the tree: its passes take a thread less
                Dominators.Numbered numbered = strong -> {
                    for (int node = 0; node < early.length; node++) early[node] = strong.test(node);
                    return besides;
                };
                try (DominatorTree t = Dominators.compute(g, new Dominators.Options(refs, keep), file, scratch, PhaseListener.NONE, tuning, numbered)) {
                    check(g, expected, t, "seed " + seed, scratch);
                    // what the numbering tells early (the shortest paths start from it) is the tree's strong reachability
                    for (int node = 0; node < early.length; node++) {
                        assertEquals(t.reachability(node) == Reachability.STRONG, early[node], "seed " + seed + ", object " + node);
                    }
                }
                countShapes(g, expected, seen);
            }
        }
        // the random graphs must exercise what they are for, or the comparison proves little
        if (refs == References.STRONG) assertTrue(seen[0] > graphs / 10, "weakly reachable objects: " + seen[0]);
        if (keep) assertTrue(seen[1] > graphs / 10, "kept unreachable objects: " + seen[1]);
        assertTrue(seen[2] > graphs / 10, "objects three or more dominators deep: " + seen[2]);
        assertTrue(seen[3] > graphs / 10, "objects dominated by an instance of their own class: " + seen[3]);
    }

    private static void countShapes(InMemoryGraph g, BruteForceDominators expected, long[] seen) {
        for (int v = 0; v < g.nodeCount(); v++) {
            if (expected.reachability[v] == Reachability.WEAK) seen[0]++;
            if (expected.reachability[v] == Reachability.UNREACHABLE_KEPT) seen[1]++;
            int depth = 0;
            boolean sameClassAbove = false;
            for (int d = expected.idom[v]; d >= 0; d = expected.idom[d]) {
                depth++;
                if (g.classIndex(d) == g.classIndex(v)) sameClassAbove = true;
            }
            if (depth >= 3) seen[2]++;
            if (sameClassAbove) seen[3]++;
        }
    }

    static void check(InMemoryGraph g, BruteForceDominators expected, DominatorTree t, String what, Scratch scratch) {
        long n = g.nodeCount();
        long[] objects = new long[Reachability.values().length];
        long[] bytes = new long[Reachability.values().length];
        for (int v = 0; v < n; v++) {
            String at = what + ", object " + v;
            assertEquals(expected.reachability[v], t.reachability(v), at + " reachability");
            long idom = switch (expected.idom[v]) {
                case BruteForceDominators.ROOT -> t.virtualRoot();
                case BruteForceDominators.NOT_IN_TREE -> t.notInTree();
                default -> expected.idom[v];
            };
            assertEquals(idom, t.immediateDominator(v), at + " immediate dominator");
            assertEquals(expected.retained[v], t.retainedSize(v), at + " retained size");
            objects[expected.reachability[v].ordinal()]++;
            bytes[expected.reachability[v].ordinal()] += g.shallowSize(v);
        }
        assertEquals(expected.treeBytes, t.retainedSize(t.virtualRoot()), what + " virtual root retained");
        // one walk for three groupings: each class on its own, all in one group, class 0 in no group and the rest in one
        java.util.List<long[]> grouped = t.retainedByGroups(g, java.util.List.of(new DominatorTree.Grouping(c -> c, g.classCount()),
                new DominatorTree.Grouping(c -> 0, 1), new DominatorTree.Grouping(c -> c == 0 ? -1 : 0, 1)), scratch);
        for (int c = 0; c < g.classCount(); c++) {
            assertEquals(expected.classRetained[c], t.classRetained(c), what + " class " + c + " retained");
            assertEquals(expected.classRetained[c], grouped.get(0)[c], what + " class " + c + " retained, as a group of its own");
        }
        assertEquals(expected.treeBytes, grouped.get(1)[0], what + " every class in one group");
        assertEquals(expected.retainedByClassesOtherThanTheFirst(g), grouped.get(2)[0], what + " every class but the first in one group");
        assertEquals(expected.classRetained[0], t.retainedByGroup(g, c -> c == 0 ? 0 : -1, 1, scratch)[0], what + " the first class alone");
        // the same groups without the walk: climbing each group's objects' dominators
        long[] eachAlone = t.retainedByFewGroups(g, c -> c, g.classCount(), scratch);
        for (int c = 0; c < g.classCount(); c++) assertEquals(expected.classRetained[c], eachAlone[c], what + " class " + c + " retained, climbing");
        assertEquals(expected.treeBytes, t.retainedByFewGroups(g, c -> 0, 1, scratch)[0], what + " every class in one group, climbing");
        assertEquals(expected.retainedByClassesOtherThanTheFirst(g), t.retainedByFewGroups(g, c -> c == 0 ? -1 : 0, 1, scratch)[0],
                what + " every class but the first in one group, climbing");
        for (Reachability r : Reachability.values()) {
            assertEquals(objects[r.ordinal()], t.summary().of(r).objects(), what + " " + r + " objects");
            assertEquals(bytes[r.ordinal()], t.summary().of(r).bytes(), what + " " + r + " bytes");
        }
        long children = 0;
        for (long x = 0; x <= n; x++) {
            long[] largest = t.largestChildren(x, Integer.MAX_VALUE);
            assertEquals(t.childCount(x), largest.length, what + " largest children of " + x);
            for (long i = 0; i < t.childCount(x); i++) {
                assertEquals(x, t.immediateDominator(t.child(x, i)), what + " child list of " + x);
                if (i > 0) assertTrue(t.child(x, i - 1) < t.child(x, i), what + " child list of " + x + " ascending");
                if (i > 0) assertTrue(t.retainedSize(largest[(int) i - 1]) >= t.retainedSize(largest[(int) i]), what + " largest first under " + x);
                children++;
            }
        }
        assertEquals(t.summary().inTree().objects(), children, what + " every tree node in one child list");
    }
}
