package org.hprofdiff.index.analysis.paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.hprofdiff.core.format.GcRootKind;
import org.hprofdiff.index.analysis.InMemoryGraph;
import org.hprofdiff.index.analysis.ObjectGraph;
import org.hprofdiff.index.analysis.PhaseListener;
import org.hprofdiff.index.analysis.References;
import org.hprofdiff.index.analysis.offheap.Scratch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Stored shortest paths of random graphs, checked against an independent breadth-first search. */
class ShortestPathsTest {
    private static final GcRootKind[] KINDS = {GcRootKind.JAVA_FRAME, GcRootKind.STICKY_CLASS, GcRootKind.THREAD_OBJECT,
            GcRootKind.JNI_GLOBAL, GcRootKind.FINALIZING};

    @TempDir
    Path dir;

    private static InMemoryGraph randomGraph(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        InMemoryGraph.Builder b = InMemoryGraph.builder();
        int t = b.type("T");
        int n = 1 + rnd.nextInt(40);
        for (int i = 0; i < n; i++) b.object(t, 8);
        for (int i = 0, edges = rnd.nextInt(3 * n); i < edges; i++) b.edge(rnd.nextInt(n), rnd.nextInt(n), rnd.nextInt(6) == 0);
        for (int i = 0, roots = rnd.nextInt(5); i < roots; i++) b.root(rnd.nextInt(n), KINDS[rnd.nextInt(KINDS.length)]);
        return b.build();
    }

    /** Distances from the retaining roots by plain BFS on the heap; -1 = unreachable. */
    private static int[] distances(ObjectGraph g, References refs) {
        int n = (int) g.nodeCount();
        int[] d = new int[n];
        Arrays.fill(d, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (long r = 0; r < g.rootCount(); r++) {
            int v = (int) g.rootNode(r);
            if (refs.retains(g.rootKind(r)) && d[v] < 0) {
                d[v] = 0;
                queue.add(v);
            }
        }
        while (!queue.isEmpty()) {
            int u = queue.poll();
            for (long e = g.firstEdge(u); e < g.firstEdge(u + 1); e++) {
                int t = (int) g.edgeTarget(e);
                if ((refs.followsWeakEdges() || !g.isWeakEdge(e)) && d[t] < 0) {
                    d[t] = d[u] + 1;
                    queue.add(t);
                }
            }
        }
        return d;
    }

    @ParameterizedTest
    @EnumSource(References.class)
    void pathsAreShortestAndMadeOfRetainingEdges(References refs) throws IOException {
        try (Scratch scratch = Scratch.inMemory()) {
            for (long seed = 1; seed <= 500; seed++) {
                InMemoryGraph g = randomGraph(seed);
                int[] expected = distances(g, refs);
                try (ShortestPaths sp = ShortestPaths.compute(g, refs, dir.resolve("p" + seed), scratch, PhaseListener.NONE)) {
                    for (int v = 0; v < g.nodeCount(); v++) {
                        String at = "seed " + seed + ", object " + v;
                        assertEquals(expected[v] >= 0, sp.hasPath(v), at + " has a path");
                        if (expected[v] < 0) continue;
                        long[] path = sp.path(g, v);
                        assertEquals(expected[v] + 1, path.length, at + " path length");
                        assertEquals(v, path[path.length - 1]);
                        long root = sp.rootEntry(path[0]);
                        assertEquals(path[0], g.rootNode(root), at + " starts at its root entry's object");
                        assertTrue(refs.retains(g.rootKind(root)), at + " starts at a retaining root");
                        for (long r = 0; r < g.rootCount(); r++) {
                            if (g.rootNode(r) == path[0] && refs.retains(g.rootKind(r))) {
                                assertTrue(ShortestPaths.ROOT_PREFERENCE.indexOf(g.rootKind(root))
                                        <= ShortestPaths.ROOT_PREFERENCE.indexOf(g.rootKind(r)), at + " starts at the preferred root kind");
                            }
                        }
                        for (int i = 1; i < path.length; i++) {
                            long e = sp.parentEdge(path[i]);
                            assertEquals(path[i - 1], ShortestPaths.source(g, e), at + " step " + i + " holder");
                            assertEquals(path[i], g.edgeTarget(e), at + " step " + i + " target");
                            assertTrue(refs.followsWeakEdges() || !g.isWeakEdge(e), at + " step " + i + " retains");
                        }
                    }
                }
            }
        }
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
        assertEquals(foreign + ": at byte 0: expected the shortest-paths magic number", e.getMessage());
    }
}
