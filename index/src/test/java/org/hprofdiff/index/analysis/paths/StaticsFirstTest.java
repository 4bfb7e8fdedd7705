package org.hprofdiff.index.analysis.paths;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.hprofdiff.core.format.GcRootKind;
import org.hprofdiff.index.analysis.InMemoryGraph;
import org.hprofdiff.index.analysis.NodeFilter;
import org.hprofdiff.index.analysis.PhaseListener;
import org.hprofdiff.index.analysis.References;
import org.hprofdiff.index.analysis.RootContext;
import org.hprofdiff.index.analysis.dominators.DominatorTree;
import org.hprofdiff.index.analysis.dominators.Dominators;
import org.hprofdiff.index.analysis.offheap.Scratch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shortest paths with static fields first (docs/semantics.md, section 9), on a hand-drawn graph shaped like
 * the incident: the registry object is referred to by a static field of its class and by a thread's local
 * variable, and the class itself is reached through the registry's own class reference before its loader.
 */
class StaticsFirstTest {
    @TempDir
    Path dir;
    private final Scratch scratch = Scratch.inMemory();

    @AfterEach
    void release() {
        scratch.close();
    }

    /** Node numbers of the drawing. */
    private record Drawing(InMemoryGraph graph, int loaderClass, int loader, int reaperClass, int reaper, int map, int orphanClass, int orphanHeld,
                           int otherClass) {}

    /*
     * system class Loader --static scl--> loader --f--> list --f--> class Reaper
     * frame root (thread "reaper-7") --> reaper --<class>--> class Reaper (so the search reaches the class through reaper first)
     * class Reaper --static INSTANCE--> reaper --f--> map
     * class Other (reached from loader after class Reaper) --static ALIAS--> reaper   (a second static on the same object: loses)
     * class Orphan (not reachable) --static HELD--> orphanHeld (not reachable either)
     */
    private static Drawing drawing() {
        InMemoryGraph.Builder b = InMemoryGraph.builder();
        int cls = b.type("java.lang.Class");
        int loaderType = b.type("java.lang.ClassLoader");
        int listType = b.type("java.util.ArrayList");
        int reaperType = b.type("com.example.Reaper");
        int mapType = b.type("java.util.concurrent.ConcurrentHashMap");
        int orphanType = b.type("com.example.Orphan");
        int otherType = b.type("com.example.Other");
        int loaderClass = b.classObject(cls, loaderType, 100);
        int loader = b.object(loaderType, 40);
        int list = b.object(listType, 24);
        int reaperClass = b.classObject(cls, reaperType, 100);
        int reaper = b.object(reaperType, 16);
        int map = b.object(mapType, 64);
        int otherClass = b.classObject(cls, otherType, 100);
        int orphanClass = b.classObject(cls, orphanType, 100);
        int orphanHeld = b.object(mapType, 64);
        b.staticField(loaderClass, "scl", loader).field(loader, "classes", list).field(list, "elementData", reaperClass)
                .field(list, "more", otherClass).root(loaderClass, GcRootKind.STICKY_CLASS);
        b.edge(reaper, reaperClass, false); // an instance refers to its class
        b.field(reaper, "connectionManagers", map);
        b.staticField(reaperClass, "INSTANCE", reaper);
        b.staticField(otherClass, "ALIAS", reaper);
        b.staticField(orphanClass, "HELD", orphanHeld);
        b.root(reaper, GcRootKind.JAVA_FRAME, new RootContext("reaper-7", "com.example.Reaper.sweep"));
        return new Drawing(b.build(), loaderClass, loader, reaperClass, reaper, map, orphanClass, orphanHeld, otherClass);
    }

    @Test
    void anObjectAStaticFieldRefersToStartsItsPathAtThatField() throws IOException {
        Drawing d = drawing();
        try (ShortestPaths plain = ShortestPaths.compute(d.graph(), References.STRONG, dir.resolve("plain"), scratch, PhaseListener.NONE);
             ShortestPaths first = ShortestPaths.compute(d.graph(), References.STRONG, true, dir.resolve("first"), scratch, PhaseListener.NONE)) {
            assertTrue(plain.isRoot(d.reaper()), "without the rule the frame root is the shortest path");
            assertFalse(plain.staticsFirst());
            assertTrue(first.staticsFirst());
            assertTrue(first.isStaticStart(d.reaper()));
            assertTrue(first.isPathStart(d.reaper()));
            assertFalse(first.isRoot(d.reaper()));
            assertEquals(d.reaperClass(), ShortestPaths.source(d.graph(), first.parentEdge(d.reaper())), "INSTANCE, not ALIAS: class Reaper comes first");
            assertArrayEquals(new long[] {d.reaperClass(), d.reaper(), d.map()}, first.path(d.graph(), d.map()),
                    "the path starts at the class that holds the field; the class's own path (through reaper) is not followed");
            assertArrayEquals(new long[] {d.reaperClass(), d.reaper(), d.reaperClass()}, first.path(d.graph(), d.reaperClass()),
                    "the class object itself is reached through reaper: its path runs through the static start, no cycle");
            assertFalse(first.hasPath(d.orphanHeld()), "a static of an unreachable class is no path");
            assertTrue(first.isStaticStart(d.loader()), "scl of a system class: a static start as well");
        }
    }

    @Test
    void storedFlagSurvivesReopening() throws IOException {
        Drawing d = drawing();
        Path file = dir.resolve("first");
        ShortestPaths.compute(d.graph(), References.STRONG, true, file, scratch, PhaseListener.NONE).close();
        try (ShortestPaths again = ShortestPaths.open(file)) {
            assertTrue(again.staticsFirst());
            assertEquals(References.STRONG, again.references());
            assertTrue(again.isStaticStart(d.reaper()));
        }
    }

    @Test
    void mergedPathsStartAtTheField() throws IOException {
        Drawing d = drawing();
        InMemoryGraph g = d.graph();
        boolean[] maps = new boolean[g.classCount()];
        maps[g.classIndex(d.map())] = true;
        try (ShortestPaths sp = ShortestPaths.compute(g, References.STRONG, true, dir.resolve("p"), scratch, PhaseListener.NONE);
             DominatorTree dt = Dominators.compute(g, Dominators.Options.DEFAULT, dir.resolve("d"), scratch, PhaseListener.NONE)) {
            PathTree tree = MergedPaths.merge(g, sp, dt, NodeFilter.ofClasses(g, maps), MergedPaths.Options.DEFAULT, scratch);
            assertEquals(2, tree.targets(), "map and orphanHeld");
            assertEquals(1, tree.withoutPath(), "orphanHeld: its class is not reachable");
            PathNode start = tree.top().children().getFirst();
            assertEquals(List.of("static com.example.Reaper.INSTANCE → com.example.Reaper.connectionManagers → java.util.concurrent.ConcurrentHashMap"),
                    List.of(start.children().getFirst().children().getFirst().signature()));
        }
    }
}
