package org.hprofdiff.index.graph.dominators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hprofdiff.core.format.GcRootKind;
import org.hprofdiff.index.graph.InMemoryGraph;
import org.hprofdiff.index.graph.PhaseListener;
import org.hprofdiff.index.graph.References;
import org.hprofdiff.index.graph.offheap.Scratch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Graphs small enough to work out by hand; the expected values are written down from the drawings. */
class DominatorsHandExamplesTest {
    @TempDir
    Path dir;
    private final Scratch scratch = Scratch.inMemory();
    private int files;

    @AfterEach
    void release() {
        scratch.close();
    }

    private DominatorTree tree(InMemoryGraph g, References refs, boolean keep) throws IOException {
        return Dominators.compute(g, new Dominators.Options(refs, keep), dir.resolve("t" + files++), scratch, PhaseListener.NONE);
    }

    @Test
    void diamond() throws IOException {
        // root → A; A → B, C; B → D; C → D; D → E
        InMemoryGraph.Builder b = InMemoryGraph.builder();
        int t = b.type("T");
        int a = b.object(t, 10), bb = b.object(t, 20), c = b.object(t, 30), d = b.object(t, 40), e = b.object(t, 50);
        b.edge(a, bb, false).edge(a, c, false).edge(bb, d, false).edge(c, d, false).edge(d, e, false).root(a, GcRootKind.JNI_GLOBAL);
        try (DominatorTree tree = tree(b.build(), References.STRONG, false)) {
            assertEquals(tree.virtualRoot(), tree.immediateDominator(a));
            assertEquals(a, tree.immediateDominator(bb));
            assertEquals(a, tree.immediateDominator(c));
            assertEquals(a, tree.immediateDominator(d), "D is reached through B and through C");
            assertEquals(d, tree.immediateDominator(e));
            assertEquals(150, tree.retainedSize(a));
            assertEquals(20, tree.retainedSize(bb));
            assertEquals(30, tree.retainedSize(c));
            assertEquals(90, tree.retainedSize(d));
            assertEquals(150, tree.retainedSize(tree.virtualRoot()));
            assertArrayEquals(new long[] {d, c, bb}, tree.largestChildren(a, 10));
            assertArrayEquals(new long[] {d}, tree.largestChildren(a, 1));
        }
    }

    @Test
    void cycleEnteredOnceAndTwice() throws IOException {
        // root1 → A → B → C → A, C → D; then a second root on C
        InMemoryGraph.Builder b = InMemoryGraph.builder();
        int t = b.type("T");
        int a = b.object(t, 8), bb = b.object(t, 16), c = b.object(t, 24), d = b.object(t, 32);
        b.edge(a, bb, false).edge(bb, c, false).edge(c, a, false).edge(c, d, false).edge(d, d, false).root(a, GcRootKind.STICKY_CLASS);
        try (DominatorTree tree = tree(b.build(), References.STRONG, false)) {
            assertEquals(a, tree.immediateDominator(bb));
            assertEquals(bb, tree.immediateDominator(c));
            assertEquals(c, tree.immediateDominator(d));
            assertEquals(80, tree.retainedSize(a));
            assertEquals(32, tree.retainedSize(d), "a self reference changes nothing");
        }
        b.root(c, GcRootKind.JAVA_FRAME);
        try (DominatorTree tree = tree(b.build(), References.STRONG, false)) {
            assertEquals(tree.virtualRoot(), tree.immediateDominator(a));
            assertEquals(tree.virtualRoot(), tree.immediateDominator(c), "C is a root itself now");
            assertEquals(a, tree.immediateDominator(bb));
            assertEquals(c, tree.immediateDominator(d));
            assertEquals(24, tree.retainedSize(a), "A keeps only B: C is held by its own root");
            assertEquals(56, tree.retainedSize(c));
        }
    }

    @Test
    void referentDoesNotRetainAndWeaklyReachableObjectsDoNotChangeStrongOnes() throws IOException {
        // root → H → W (a WeakReference); W.referent → X; X → Y; root → P; P → Z; X → Z
        InMemoryGraph.Builder b = InMemoryGraph.builder();
        int t = b.type("T");
        int h = b.object(t, 16), w = b.object(t, 32), x = b.object(t, 100), y = b.object(t, 200), p = b.object(t, 8), z = b.object(t, 1000);
        b.edge(h, w, false).referent(w, x).edge(x, y, false).edge(p, z, false).edge(x, z, false);
        b.root(h, GcRootKind.STICKY_CLASS).root(p, GcRootKind.STICKY_CLASS);
        InMemoryGraph g = b.build();
        try (DominatorTree tree = tree(g, References.STRONG, false)) {
            assertEquals(Reachability.WEAK, tree.reachability(x));
            assertEquals(Reachability.WEAK, tree.reachability(y));
            assertEquals(Reachability.STRONG, tree.reachability(z));
            assertEquals(48, tree.retainedSize(h), "H keeps W but not what W refers to");
            assertEquals(tree.virtualRoot(), tree.immediateDominator(x), "weakly reachable objects hang from the virtual root");
            assertEquals(x, tree.immediateDominator(y));
            assertEquals(300, tree.retainedSize(x));
            assertEquals(p, tree.immediateDominator(z), "X cannot keep Z alive: X itself is only weakly reachable");
            assertEquals(1008, tree.retainedSize(p));
            assertEquals(new ReachabilitySummary.Totals(4, 1056), tree.summary().of(Reachability.STRONG));
            assertEquals(new ReachabilitySummary.Totals(2, 300), tree.summary().of(Reachability.WEAK));
        }
        try (DominatorTree tree = tree(g, References.ALL, false)) {
            assertEquals(Reachability.STRONG, tree.reachability(x));
            assertEquals(w, tree.immediateDominator(x), "with every reference retaining, the referent is W's");
            assertEquals(348, tree.retainedSize(h));
            assertEquals(tree.virtualRoot(), tree.immediateDominator(z), "Z is reached from both roots");
            assertEquals(8, tree.retainedSize(p));
        }
    }

    @Test
    void finalizerRootDoesNotRetain() throws IOException {
        InMemoryGraph.Builder b = InMemoryGraph.builder();
        int t = b.type("T");
        int f = b.object(t, 40), g = b.object(t, 60);
        b.edge(f, g, false).root(f, GcRootKind.FINALIZING);
        try (DominatorTree tree = tree(b.build(), References.STRONG, false)) {
            assertEquals(Reachability.WEAK, tree.reachability(f));
            assertEquals(Reachability.WEAK, tree.reachability(g));
            assertEquals(100, tree.retainedSize(f));
            assertEquals(ReachabilitySummary.Totals.ZERO, tree.summary().of(Reachability.STRONG));
        }
        try (DominatorTree tree = tree(b.build(), References.ALL, false)) {
            assertEquals(Reachability.STRONG, tree.reachability(f));
        }
    }

    @Test
    void unreachableObjectsAreCountedOrKept() throws IOException {
        // root → R; unreachable: U1 → U2 ⇄ U3 (U1 has no referrer), and an island cycle C1 ⇄ C2
        InMemoryGraph.Builder b = InMemoryGraph.builder();
        int t = b.type("T");
        int c1 = b.object(t, 1), c2 = b.object(t, 2), r = b.object(t, 4), u1 = b.object(t, 8), u2 = b.object(t, 16), u3 = b.object(t, 32);
        b.edge(c1, c2, false).edge(c2, c1, false).edge(u1, u2, false).edge(u2, u3, false).edge(u3, u2, false).edge(u3, r, false);
        b.root(r, GcRootKind.THREAD_OBJECT);
        InMemoryGraph g = b.build();
        try (DominatorTree tree = tree(g, References.STRONG, false)) {
            assertEquals(new ReachabilitySummary.Totals(5, 59), tree.summary().of(Reachability.UNREACHABLE));
            assertEquals(tree.notInTree(), tree.immediateDominator(u2));
            assertEquals(0, tree.retainedSize(u1));
            assertEquals(4, tree.retainedSize(tree.virtualRoot()));
        }
        try (DominatorTree tree = tree(g, References.STRONG, true)) {
            assertEquals(new ReachabilitySummary.Totals(5, 59), tree.summary().of(Reachability.UNREACHABLE_KEPT));
            assertEquals(ReachabilitySummary.Totals.ZERO, tree.summary().of(Reachability.UNREACHABLE));
            assertEquals(tree.virtualRoot(), tree.immediateDominator(u1), "U1: nothing unreachable refers to it");
            assertEquals(u1, tree.immediateDominator(u2));
            assertEquals(u2, tree.immediateDominator(u3));
            assertEquals(tree.virtualRoot(), tree.immediateDominator(c1), "a closed cycle enters at its lowest ordinal");
            assertEquals(c1, tree.immediateDominator(c2));
            assertEquals(tree.virtualRoot(), tree.immediateDominator(r), "garbage pointing at R does not take it from its root");
            assertEquals(56, tree.retainedSize(u1));
            assertEquals(63, tree.retainedSize(tree.virtualRoot()));
        }
    }

    @Test
    void classRetainedCountsNestedInstancesOnce() throws IOException {
        // root → outer A → inner A → leaf B; root → lone B
        InMemoryGraph.Builder b = InMemoryGraph.builder();
        int ta = b.type("A"), tb = b.type("B");
        int outer = b.object(ta, 10), inner = b.object(ta, 20), leaf = b.object(tb, 40), lone = b.object(tb, 80);
        b.edge(outer, inner, false).edge(inner, leaf, false).root(outer, GcRootKind.STICKY_CLASS).root(lone, GcRootKind.STICKY_CLASS);
        try (DominatorTree tree = tree(b.build(), References.STRONG, false)) {
            assertEquals(70, tree.classRetained(ta), "inner A is inside outer A's 70 bytes");
            assertEquals(120, tree.classRetained(tb));
        }
    }

    @Test
    void storedTreeOpensAgainAndForeignFilesAreRefused() throws IOException {
        InMemoryGraph.Builder b = InMemoryGraph.builder();
        int t = b.type("T");
        int a = b.object(t, 10), c = b.object(t, 20);
        b.edge(a, c, false).root(a, GcRootKind.STICKY_CLASS);
        Path file = dir.resolve("stored.dom");
        try (DominatorTree tree = Dominators.compute(b.build(), Dominators.Options.DEFAULT, file, scratch, PhaseListener.NONE)) {
            assertEquals(30, tree.retainedSize(a));
        }
        try (DominatorTree again = DominatorTree.open(file)) {
            assertEquals(30, again.retainedSize(a));
            assertEquals(a, again.immediateDominator(c));
            assertEquals(References.STRONG, again.references());
        }
        Path foreign = dir.resolve("foreign.dom");
        Files.write(foreign, new byte[8192]);
        IOException e = assertThrows(IOException.class, () -> DominatorTree.open(foreign));
        assertEquals(foreign + ": at byte 0: expected the dominator tree magic number", e.getMessage());
        Path truncated = dir.resolve("truncated.dom");
        Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(file), 5000));
        assertThrows(IOException.class, () -> DominatorTree.open(truncated));
        // a tree stored by an earlier version (format 1: 8-byte retained sizes, a child list for every object)
        // is refused, so HeapAnalysis computes it again instead of misreading it
        Path older = dir.resolve("older.dom");
        byte[] bytes = Files.readAllBytes(file);
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.nativeOrder()).putInt(8, 1);
        Files.write(older, bytes);
        IOException v = assertThrows(IOException.class, () -> DominatorTree.open(older));
        assertEquals(older + ": at byte 8: expected format version 2, found 1", v.getMessage());
    }

    @Test
    void emptyGraphAndGraphWithoutRoots() throws IOException {
        try (DominatorTree tree = tree(InMemoryGraph.builder().build(), References.STRONG, false)) {
            assertEquals(0, tree.nodeCount());
            assertEquals(0, tree.retainedSize(tree.virtualRoot()));
            assertEquals(0, tree.childCount(tree.virtualRoot()));
        }
        InMemoryGraph.Builder b = InMemoryGraph.builder();
        int t = b.type("T");
        int a = b.object(t, 8), c = b.object(t, 16);
        b.edge(a, c, false);
        try (DominatorTree tree = tree(b.build(), References.STRONG, false)) {
            assertEquals(new ReachabilitySummary.Totals(2, 24), tree.summary().of(Reachability.UNREACHABLE));
            assertEquals(0, tree.retainedSize(tree.virtualRoot()));
        }
        try (DominatorTree tree = tree(b.build(), References.STRONG, true)) {
            assertEquals(a, tree.immediateDominator(c));
            assertEquals(24, tree.retainedSize(a));
        }
    }
}
