package org.hprofdiff.index.graph.suspects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.hprofdiff.core.format.GcRootKind;
import org.hprofdiff.index.graph.InMemoryGraph;
import org.hprofdiff.index.graph.PhaseListener;
import org.hprofdiff.index.graph.References;
import org.hprofdiff.index.graph.dominators.DominatorTree;
import org.hprofdiff.index.graph.dominators.Dominators;
import org.hprofdiff.index.graph.offheap.Scratch;
import org.hprofdiff.index.graph.paths.ShortestPaths;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Suspects of hand-built heaps whose big holders, accumulation points and groups are known by construction. */
class LeakSuspectsTest {
    @TempDir
    Path dir;
    private final Scratch scratch = Scratch.inMemory();

    @AfterEach
    void release() {
        scratch.close();
    }

    private List<LeakSuspects.Suspect> suspects(InMemoryGraph g) throws IOException {
        try (DominatorTree tree = Dominators.compute(g, Dominators.Options.DEFAULT, dir.resolve("d"), scratch, PhaseListener.NONE);
             ShortestPaths paths = ShortestPaths.compute(g, References.STRONG, dir.resolve("p"), scratch, PhaseListener.NONE)) {
            return LeakSuspects.find(g, tree, paths, LeakSuspects.Options.DEFAULT, scratch);
        }
    }

    @Test
    void bigHolderAccumulatesInItsArray() throws IOException {
        // root → Holder(16) → ArrayList(24) → Object[](416) → 100 items of 100 bytes; root → Small(50)
        InMemoryGraph.Builder b = InMemoryGraph.builder();
        int holderType = b.type("Holder"), listType = b.type("java.util.ArrayList"), arrayType = b.type("java.lang.Object[]"),
                itemType = b.type("Item"), smallType = b.type("Small");
        int holder = b.object(holderType, 16), list = b.object(listType, 24), array = b.object(arrayType, 416);
        b.field(holder, "items", list).field(list, "elementData", array).root(holder, GcRootKind.STICKY_CLASS);
        for (int i = 0; i < 100; i++) b.element(array, i, b.object(itemType, 100));
        b.root(b.object(smallType, 50), GcRootKind.JNI_GLOBAL);
        List<LeakSuspects.Suspect> found = suspects(b.build());
        assertEquals(1, found.size(), found::toString);
        LeakSuspects.SingleObject s = assertInstanceOf(LeakSuspects.SingleObject.class, found.getFirst());
        long all = 16 + 24 + 416 + 100 * 100;
        assertEquals(holder, s.node());
        assertEquals(all, s.retainedBytes());
        assertEquals((double) all / (all + 50), s.share(), 1e-12);
        assertEquals(array, s.accumulation(), "each item holds 1 % of the array: the big drop is below the array");
        assertEquals(416 + 100 * 100, s.accumulationRetained());
        assertEquals(2, s.depth());
    }

    @Test
    void linkedListAccumulatesAtItsHead() throws IOException {
        // root → LinkedList(24) → node 1 → node 2 → ... → node 50 (32 bytes each), each node → item of 100 bytes
        InMemoryGraph.Builder b = InMemoryGraph.builder();
        int listType = b.type("java.util.LinkedList"), nodeType = b.type("java.util.LinkedList$Node"), itemType = b.type("Item");
        int list = b.object(listType, 24);
        b.root(list, GcRootKind.STICKY_CLASS);
        int previous = -1;
        int first = -1;
        for (int i = 0; i < 50; i++) {
            int node = b.object(nodeType, 32);
            b.field(node, "item", b.object(itemType, 100));
            if (previous < 0) {
                b.field(list, "first", node);
                first = node;
            } else {
                b.field(previous, "next", node);
            }
            previous = node;
        }
        LeakSuspects.SingleObject s = assertInstanceOf(LeakSuspects.SingleObject.class, suspects(b.build()).getFirst());
        assertEquals(list, s.node());
        assertEquals(first, s.accumulation(), "the chain's head, not its 50th element");
        assertEquals(1, s.depth());
    }

    @Test
    void manyInstancesEachHeldTwiceFormAGroup() throws IOException {
        // 20 sessions of 1016 bytes, each in both static A.ALL and static B.ACTIVE (so each one's dominator is the
        // virtual root); 30 other roots of 50 bytes (7 % of the heap together)
        InMemoryGraph.Builder b = InMemoryGraph.builder();
        int cls = b.type("java.lang.Class"), a = b.type("A"), bb = b.type("B"), array = b.type("java.lang.Object[]"),
                session = b.type("Session"), payload = b.type("byte[]"), other = b.type("Other");
        int classA = b.classObject(cls, a, 0), classB = b.classObject(cls, bb, 0);
        int all = b.object(array, 0), active = b.object(array, 0);
        b.staticField(classA, "ALL", all).staticField(classB, "ACTIVE", active)
                .root(classA, GcRootKind.STICKY_CLASS).root(classB, GcRootKind.STICKY_CLASS);
        for (int i = 0; i < 20; i++) {
            int s = b.object(session, 16);
            b.field(s, "data", b.object(payload, 1000)).element(all, i, s).element(active, i, s);
        }
        for (int i = 0; i < 30; i++) b.root(b.object(other, 50), GcRootKind.JNI_GLOBAL);
        List<LeakSuspects.Suspect> found = suspects(b.build());
        assertEquals(1, found.size(), found::toString);
        LeakSuspects.ClassGroup g = assertInstanceOf(LeakSuspects.ClassGroup.class, found.getFirst());
        assertEquals(session, g.classIndex());
        assertEquals(20, g.instances());
        assertEquals(20 * 1016, g.retainedBytes());
        assertEquals("static A.ALL → java.lang.Object[] [*] → Session", g.commonPath().signature(),
                "equal-length paths: the first system class root entered wins");
    }

    @Test
    void nothingStandsOutInAFlatHeap() throws IOException {
        InMemoryGraph.Builder b = InMemoryGraph.builder();
        for (int i = 0; i < 20; i++) {
            int t = b.type("T" + i);
            b.root(b.object(t, 100), GcRootKind.JNI_GLOBAL);
        }
        assertEquals(List.of(), suspects(b.build()));
    }

    @Test
    void groupWithoutPathsHasNoCommonPath() throws IOException {
        InMemoryGraph.Builder b = InMemoryGraph.builder();
        int t = b.type("T");
        for (int i = 0; i < 20; i++) b.root(b.object(t, 100), GcRootKind.JNI_GLOBAL);
        InMemoryGraph g = b.build();
        try (DominatorTree tree = Dominators.compute(g, Dominators.Options.DEFAULT, dir.resolve("d"), scratch, PhaseListener.NONE)) {
            LeakSuspects.ClassGroup group = assertInstanceOf(LeakSuspects.ClassGroup.class,
                    LeakSuspects.find(g, tree, null, LeakSuspects.Options.DEFAULT, scratch).getFirst());
            assertNull(group.commonPath());
            assertEquals(1.0, group.share());
        }
    }
}
