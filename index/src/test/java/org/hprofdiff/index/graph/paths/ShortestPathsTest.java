package org.hprofdiff.index.graph.paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.hprofdiff.core.format.GcRootKind;
import org.hprofdiff.index.graph.EdgeLabel;
import org.hprofdiff.index.graph.InMemoryGraph;
import org.hprofdiff.index.graph.ObjectGraph;
import org.hprofdiff.index.graph.PhaseListener;
import org.hprofdiff.index.graph.References;
import org.hprofdiff.index.graph.offheap.Scratch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Stored shortest paths of random graphs, checked against an independent definition: an object's path starts in
 * the first {@link RootFamily} from whose starts a plain breadth-first search reaches it (static fields of
 * permanent classes, then threads, then the other roots), and is as short as that search says; the search from
 * static fields does not enter live threads' objects.
 */
class ShortestPathsTest {
    private static final GcRootKind[] KINDS = {GcRootKind.JAVA_FRAME, GcRootKind.STICKY_CLASS, GcRootKind.THREAD_OBJECT,
            GcRootKind.JNI_GLOBAL, GcRootKind.FINALIZING, GcRootKind.MONITOR_USED};

    @TempDir
    Path dir;

    /** Objects of class T, and class objects of classes A, B (permanent) and P (transient) with static fields. */
    private static InMemoryGraph randomGraph(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        InMemoryGraph.Builder b = InMemoryGraph.builder();
        int t = b.type("T");
        int cls = b.type("java.lang.Class");
        int[] stands = {b.type("A"), b.type("B"), b.type("P")};
        b.transientClass(stands[2]);
        int n = 1 + rnd.nextInt(40);
        boolean[] classObject = new boolean[n];
        for (int i = 0; i < n; i++) {
            classObject[i] = rnd.nextInt(5) == 0;
            if (classObject[i]) b.classObject(cls, stands[rnd.nextInt(stands.length)], 100);
            else b.object(t, 8);
        }
        for (int i = 0, edges = rnd.nextInt(3 * n); i < edges; i++) {
            int from = rnd.nextInt(n);
            if (classObject[from] && rnd.nextBoolean()) b.staticField(from, "s" + i, rnd.nextInt(n));
            else b.edge(from, rnd.nextInt(n), rnd.nextInt(6) == 0);
        }
        for (int i = 0, roots = rnd.nextInt(5); i < roots; i++) b.root(rnd.nextInt(n), KINDS[rnd.nextInt(KINDS.length)]);
        return b.build();
    }

    /** Where a family's paths start: for static fields, the (retaining) fields' targets; else its roots' objects. */
    private static List<Integer> starts(ObjectGraph g, RootFamily family, References refs) {
        List<Integer> starts = new ArrayList<>();
        if (family == RootFamily.STATIC_FIELD) {
            for (int v = 0; v < g.nodeCount(); v++) {
                int c = g.classObjectIndex(v);
                if (c < 0 || !g.permanentClass(c)) continue;
                for (long e = g.firstEdge(v); e < g.firstEdge(v + 1); e++) {
                    if (g.edgeLabel(v, e) instanceof EdgeLabel.StaticField && (refs.followsWeakEdges() || !g.isWeakEdge(e))) {
                        starts.add((int) g.edgeTarget(e));
                    }
                }
            }
        } else {
            for (long r = 0; r < g.rootCount(); r++) {
                if (refs.retains(g.rootKind(r)) && RootFamily.of(g.rootKind(r)) == family) starts.add((int) g.rootNode(r));
            }
        }
        return starts;
    }

    /** The objects of retaining thread roots. */
    private static boolean[] threads(ObjectGraph g, References refs) {
        boolean[] threads = new boolean[(int) g.nodeCount()];
        for (long r = 0; r < g.rootCount(); r++) {
            if (g.rootKind(r) == GcRootKind.THREAD_OBJECT && refs.retains(g.rootKind(r))) threads[(int) g.rootNode(r)] = true;
        }
        return threads;
    }

    /** Distances from {@code starts} by plain BFS on the heap, never entering {@code avoid}ed objects; -1 = not reached. */
    private static int[] distances(ObjectGraph g, References refs, List<Integer> starts, boolean[] avoid) {
        int n = (int) g.nodeCount();
        int[] d = new int[n];
        Arrays.fill(d, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int v : starts) {
            if (avoid[v]) continue;
            if (d[v] < 0) {
                d[v] = 0;
                queue.add(v);
            }
        }
        while (!queue.isEmpty()) {
            int u = queue.poll();
            for (long e = g.firstEdge(u); e < g.firstEdge(u + 1); e++) {
                int t = (int) g.edgeTarget(e);
                if ((refs.followsWeakEdges() || !g.isWeakEdge(e)) && d[t] < 0 && !avoid[t]) {
                    d[t] = d[u] + 1;
                    queue.add(t);
                }
            }
        }
        return d;
    }

    /** Root kinds in the order paths prefer them: family by family, then the family's own order. */
    private static int preference(GcRootKind kind) {
        RootFamily f = RootFamily.of(kind);
        return f.ordinal() * 100 + f.rootKinds.indexOf(kind);
    }

    @ParameterizedTest
    @EnumSource(References.class)
    void pathsStartInTheFirstFamilyThatReachesAnObjectAndAreShortestThere(References refs) throws IOException {
        int[] seen = new int[RootFamily.values().length];
        try (Scratch scratch = Scratch.inMemory()) {
            for (long seed = 1; seed <= 600; seed++) {
                InMemoryGraph g = randomGraph(seed);
                int[][] byFamily = new int[RootFamily.values().length][];
                boolean[] threads = threads(g, refs);
                boolean[] none = new boolean[(int) g.nodeCount()];
                for (RootFamily f : RootFamily.values()) {
                    byFamily[f.ordinal()] = distances(g, refs, starts(g, f, refs), f == RootFamily.STATIC_FIELD ? threads : none);
                }
                try (ShortestPaths sp = ShortestPaths.compute(g, refs, dir.resolve("p" + seed), scratch, PhaseListener.NONE)) {
                    for (int v = 0; v < g.nodeCount(); v++) {
                        String at = "seed " + seed + ", object " + v;
                        RootFamily expected = null;
                        for (RootFamily f : RootFamily.values()) if (expected == null && byFamily[f.ordinal()][v] >= 0) expected = f;
                        assertEquals(expected != null, sp.hasPath(v), at + " has a path");
                        if (expected == null) continue;
                        seen[expected.ordinal()]++;
                        assertEquals(expected, sp.family(g, v), at + " family");
                        long[] path = sp.path(g, v);
                        int distance = byFamily[expected.ordinal()][v];
                        boolean fromStatic = expected == RootFamily.STATIC_FIELD;
                        assertEquals(distance + 1 + (fromStatic ? 1 : 0), path.length, at + " path length");
                        assertEquals(v, path[path.length - 1]);
                        int first = fromStatic ? 1 : 0; // a static start's path begins with the class object holding the field
                        if (fromStatic) {
                            assertTrue(sp.isStaticStart(path[1]), at + " starts at a static field");
                            long e = sp.parentEdge(path[1]);
                            assertEquals(path[0], ShortestPaths.source(g, e));
                            assertTrue(g.permanentClass(g.classObjectIndex(path[0])), at + " of a permanent class");
                        } else {
                            long root = sp.rootEntry(path[0]);
                            assertEquals(path[0], g.rootNode(root), at + " starts at its root entry's object");
                            assertEquals(expected, RootFamily.of(g.rootKind(root)));
                            for (long r = 0; r < g.rootCount(); r++) {
                                if (g.rootNode(r) == path[0] && refs.retains(g.rootKind(r))) {
                                    assertTrue(preference(g.rootKind(root)) <= preference(g.rootKind(r)), at + " starts at the preferred root kind");
                                }
                            }
                        }
                        for (int i = first + 1; i < path.length; i++) {
                            long e = sp.parentEdge(path[i]);
                            assertEquals(path[i - 1], ShortestPaths.source(g, e), at + " step " + i + " holder");
                            assertEquals(path[i], g.edgeTarget(e), at + " step " + i + " target");
                            assertTrue(refs.followsWeakEdges() || !g.isWeakEdge(e), at + " step " + i + " retains");
                        }
                    }
                }
            }
        }
        for (RootFamily f : RootFamily.values()) assertTrue(seen[f.ordinal()] > 100, "the random graphs exercise " + f + ": " + seen[f.ordinal()]);
    }

    @Test
    void storedPathsOpenAgainAndForeignFilesAreRefused() throws IOException {
        InMemoryGraph.Builder b = InMemoryGraph.builder();
        int t = b.type("T");
        int a = b.object(t, 8), c = b.object(t, 8), w = b.object(t, 8);
        b.field(a, "next", c).referent(c, w).root(a, GcRootKind.STICKY_CLASS);
        InMemoryGraph g = b.build();
        Path file = dir.resolve("stored.paths");
        try (Scratch scratch = Scratch.inMemory();
             ShortestPaths sp = ShortestPaths.compute(g, References.STRONG, file, scratch, PhaseListener.NONE)) {
            assertFalse(sp.hasPath(w), "only a referent leads to w");
        }
        try (ShortestPaths again = ShortestPaths.open(file)) {
            assertEquals(References.STRONG, again.references());
            assertEquals(2, again.path(g, c).length);
            assertTrue(again.isRoot(a));
        }
        Path foreign = dir.resolve("foreign.paths");
        Files.write(foreign, new byte[5000]);
        IOException e = assertThrows(IOException.class, () -> ShortestPaths.open(foreign));
        assertEquals(foreign + ": at byte 0: expected the shortest-paths magic number of format version 4", e.getMessage());
    }
}
