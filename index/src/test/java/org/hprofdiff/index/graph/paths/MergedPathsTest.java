package org.hprofdiff.index.graph.paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hprofdiff.core.format.GcRootKind;
import org.hprofdiff.index.graph.ChainGraph;
import org.hprofdiff.index.graph.InMemoryGraph;
import org.hprofdiff.index.graph.NodeFilter;
import org.hprofdiff.index.graph.ObjectGraph;
import org.hprofdiff.index.graph.PhaseListener;
import org.hprofdiff.index.graph.References;
import org.hprofdiff.index.graph.RootContext;
import org.hprofdiff.index.graph.dominators.DominatorTree;
import org.hprofdiff.index.graph.dominators.Dominators;
import org.hprofdiff.index.graph.offheap.Scratch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Merged paths of a hand-built graph shaped like the connection-manager leak of the incident: managers in a
 * ConcurrentHashMap held by a static field (some behind hash-bucket chains, one behind another manager),
 * one held by a thread, one by a stack frame. Every count, byte total and signature below is worked out
 * from the drawing in the comments, not from a run.
 */
class MergedPathsTest {
    private static final String PCM = "com.example.PoolingConnectionManager";
    private static final long MANAGER = 40;
    private static final long BUFFER = 1000;

    @TempDir
    Path dir;
    private final Scratch scratch = Scratch.inMemory();

    @AfterEach
    void release() {
        scratch.close();
    }

    /** Adds a manager with its 1000-byte buffer. */
    private static int manager(InMemoryGraph.Builder b, int pcm, int bytes) {
        int m = b.object(pcm, MANAGER);
        b.field(m, "buffer", b.object(bytes, BUFFER));
        return m;
    }

    private static InMemoryGraph incident() {
        InMemoryGraph.Builder b = InMemoryGraph.builder();
        int cls = b.type("java.lang.Class");
        int loaderBase = b.type("java.lang.ClassLoader");
        int app = b.type("jdk.internal.loader.ClassLoaders$AppClassLoader");
        int list = b.type("java.util.ArrayList");
        int objects = b.type("java.lang.Object[]");
        int reaperType = b.type("com.example.IdleConnectionReaper");
        int chmType = b.type("java.util.concurrent.ConcurrentHashMap");
        int nodesType = b.type("java.util.concurrent.ConcurrentHashMap$Node[]");
        int nodeType = b.type("java.util.concurrent.ConcurrentHashMap$Node");
        int pcm = b.type(PCM);
        int bytes = b.type("byte[]");
        int thread = b.type("java.lang.Thread");
        int taskType = b.type("com.example.ReaperTask");

        // system class ClassLoader -scl-> app loader -classes-> ArrayList -elementData-> Object[] -[0]-> class IdleConnectionReaper
        int loaderClass = b.classObject(cls, loaderBase, 100);
        int appLoader = b.object(app, 64);
        int classes = b.object(list, 24);
        int array = b.object(objects, 32);
        int reaperClass = b.classObject(cls, reaperType, 200);
        b.staticField(loaderClass, "scl", appLoader).field(appLoader, "classes", classes).field(classes, "elementData", array)
                .element(array, 0, reaperClass).root(loaderClass, GcRootKind.STICKY_CLASS);
        // static INSTANCE -> reaper -managers-> map -table-> Node[] -[i]-> four bucket heads; head 0 -next-> n5 -next-> n6
        int reaper = b.object(reaperType, 24);
        int map = b.object(chmType, 64);
        int table = b.object(nodesType, 80);
        b.staticField(reaperClass, "INSTANCE", reaper).field(reaper, "managers", map).field(map, "table", table);
        int[] nodes = new int[6];
        for (int i = 0; i < 6; i++) nodes[i] = b.object(nodeType, 32);
        for (int i = 0; i < 4; i++) b.element(table, i, nodes[i]);
        b.field(nodes[0], "next", nodes[4]).field(nodes[4], "next", nodes[5]);
        int[] managers = new int[6];
        for (int i = 0; i < 6; i++) {
            managers[i] = manager(b, pcm, bytes);
            b.field(nodes[i], "val", managers[i]);
        }
        b.field(nodes[1], "self", nodes[1]); // a self reference changes nothing
        // the manager in bucket 1 holds another one, which nothing else refers to
        b.field(managers[1], "delegate", manager(b, pcm, bytes));
        // thread "idle-connection-reaper" -target-> task -manager-> one more manager
        int t = b.object(thread, 120);
        int task = b.object(taskType, 32);
        b.field(t, "target", task).field(task, "manager", manager(b, pcm, bytes))
                .root(t, GcRootKind.THREAD_OBJECT, new RootContext("idle-connection-reaper", null));
        // a local variable of Main.run in thread pool-2-thread-17
        b.root(manager(b, pcm, bytes), GcRootKind.JAVA_FRAME, new RootContext("pool-2-thread-17", "com.example.Main.run"));
        return b.build();
    }

    private PathTree merge(ObjectGraph g, String targetClass, MergedPaths.Options options) throws IOException {
        boolean[] classes = new boolean[g.classCount()];
        for (int c = 0; c < g.classCount(); c++) classes[c] = g.className(c).equals(targetClass);
        try (ShortestPaths sp = ShortestPaths.compute(g, References.STRONG, dir.resolve("p"), scratch, PhaseListener.NONE);
             DominatorTree dt = Dominators.compute(g, Dominators.Options.DEFAULT, dir.resolve("d"), scratch, PhaseListener.NONE)) {
            return MergedPaths.merge(g, sp, dt, NodeFilter.ofClasses(g, classes), options, scratch);
        }
    }

    /** Every node as "signature | objects | bytes", depth first in tree order. */
    private static List<String> lines(PathNode top, boolean display) {
        List<String> out = new ArrayList<>();
        List<PathNode> stack = new ArrayList<>(top.children().reversed());
        while (!stack.isEmpty()) {
            PathNode n = stack.removeLast();
            out.add((display ? n.display() : n.signature()) + " | " + n.objects() + " | " + n.retainedBytes());
            stack.addAll(n.children().reversed());
        }
        return out;
    }

    /**
     * Objects named one by one (a suspect's path), or picked by a filter with sparse memos, merge as the same objects
     * picked by a filter with memos in full do: the managers together, and each manager alone (the filtered merges are
     * checked below against the drawing).
     */
    @Test
    void aFewObjectsNamedOneByOneMergeAsAFilterPickingThemDoes() throws IOException {
        InMemoryGraph g = incident();
        List<Long> managers = new ArrayList<>();
        for (long node = 0; node < g.nodeCount(); node++) if (g.className(g.classIndex(node)).equals(PCM)) managers.add(node);
        assertEquals(9, managers.size());
        try (ShortestPaths sp = ShortestPaths.compute(g, References.STRONG, dir.resolve("p"), scratch, PhaseListener.NONE);
             DominatorTree dt = Dominators.compute(g, Dominators.Options.DEFAULT, dir.resolve("d"), scratch, PhaseListener.NONE)) {
            List<long[]> sets = new ArrayList<>();
            sets.add(managers.reversed().stream().mapToLong(Long::longValue).toArray()); // in any order
            for (long m : managers) sets.add(new long[] {m});
            for (long[] set : sets) {
                NodeFilter picks = node -> java.util.Arrays.stream(set).anyMatch(x -> x == node);
                PathTree filtered = MergedPaths.merge(g, sp, dt, picks, MergedPaths.Options.DEFAULT, scratch);
                String what = java.util.Arrays.toString(set);
                for (PathTree other : List.of(MergedPaths.mergeFew(g, sp, dt, set, MergedPaths.Options.DEFAULT, scratch),
                        MergedPaths.merge(g, sp, dt, picks, MergedPaths.Options.DEFAULT, scratch, true))) {
                    assertEquals(lines(filtered.top(), true), lines(other.top(), true), what);
                    assertEquals(filtered.targets(), other.targets(), what);
                    assertEquals(filtered.withoutPath(), other.withoutPath(), what);
                    assertEquals(filtered.retainedBytes(), other.retainedBytes(), what);
                }
            }
        }
    }

    @Test
    void incidentPathsMergeBySignature() throws IOException {
        PathTree tree = merge(incident(), PCM, MergedPaths.Options.DEFAULT);
        long one = MANAGER + BUFFER;
        assertEquals(9, tree.targets());
        assertEquals(0, tree.withoutPath());
        assertEquals(9 * one, tree.retainedBytes(), "the inner manager counts once, inside the one holding it");
        assertEquals(9, tree.top().objects());
        String node = "java.util.concurrent.ConcurrentHashMap$Node";
        String map = "static com.example.IdleConnectionReaper.INSTANCE → com.example.IdleConnectionReaper.managers"
                + " → java.util.concurrent.ConcurrentHashMap.table → " + node + "[] [*]";
        assertEquals(List.of(
                "static com.example.IdleConnectionReaper.INSTANCE | 7 | " + 7 * one,
                "static com.example.IdleConnectionReaper.INSTANCE → com.example.IdleConnectionReaper.managers | 7 | " + 7 * one,
                map.substring(0, map.lastIndexOf(" → ")) + " | 7 | " + 7 * one,
                map + " | 7 | " + 7 * one,
                // heads: managers 0..3 and the inner one behind manager 1 (its bytes are inside manager 1's)
                map + " → " + node + ".val | 5 | " + 5 * one,
                map + " → " + node + ".val → " + PCM + " | 4 | " + 5 * one,
                map + " → " + node + ".val → " + PCM + ".delegate+ | 1 | 0",
                map + " → " + node + ".val → " + PCM + ".delegate+ → " + PCM + " | 1 | 0",
                // one and two steps down the bucket chain merge into one step
                map + " → " + node + ".next+ | 2 | " + 2 * one,
                map + " → " + node + ".next+ → " + node + ".val | 2 | " + 2 * one,
                map + " → " + node + ".next+ → " + node + ".val → " + PCM + " | 2 | " + 2 * one,
                // equal bytes and counts: ordered by signature
                "Java frame " + PCM + " thread \"pool-#-thread-#\" in com.example.Main.run | 1 | " + one,
                "Java frame " + PCM + " thread \"pool-#-thread-#\" in com.example.Main.run → " + PCM + " | 1 | " + one,
                "thread java.lang.Thread thread \"idle-connection-reaper\" | 1 | " + one,
                "thread java.lang.Thread thread \"idle-connection-reaper\" → java.lang.Thread.target | 1 | " + one,
                "thread java.lang.Thread thread \"idle-connection-reaper\" → java.lang.Thread.target → com.example.ReaperTask.manager | 1 | " + one,
                "thread java.lang.Thread thread \"idle-connection-reaper\" → java.lang.Thread.target → com.example.ReaperTask.manager → " + PCM + " | 1 | " + one
        ), lines(tree.top(), false));
        List<String> shown = lines(tree.top(), true);
        assertEquals("static IdleConnectionReaper.INSTANCE → IdleConnectionReaper.managers → ConcurrentHashMap.table → ConcurrentHashMap$Node[] [*]"
                + " → ConcurrentHashMap$Node.next+ → ConcurrentHashMap$Node.val → PoolingConnectionManager | 2 | " + 2 * one, shown.get(10));
        assertEquals("thread \"pool-#-thread-#\" local in Main.run → PoolingConnectionManager | 1 | " + one, shown.get(12));
        assertEquals("thread \"idle-connection-reaper\" → Thread.target → ReaperTask.manager → PoolingConnectionManager | 1 | " + one, shown.get(16));
    }

    @Test
    void withoutCollapsingChainsStayLong() throws IOException {
        PathTree tree = merge(incident(), PCM, new MergedPaths.Options(false));
        List<String> all = lines(tree.top(), false);
        long one = MANAGER + BUFFER;
        String node = "java.util.concurrent.ConcurrentHashMap$Node";
        String table = "static com.example.IdleConnectionReaper.INSTANCE → com.example.IdleConnectionReaper.managers"
                + " → java.util.concurrent.ConcurrentHashMap.table → " + node + "[] [*]";
        assertEquals("static com.example.IdleConnectionReaper.INSTANCE | 7 | " + 7 * one, all.getFirst());
        assertTrue(all.contains(table + " → " + node + ".next | 2 | " + 2 * one), () -> String.join("\n", all));
        assertTrue(all.contains(table + " → " + node + ".next → " + node + ".val | 1 | " + one), () -> String.join("\n", all));
        assertTrue(all.contains(table + " → " + node + ".next → " + node + ".next | 1 | " + one), () -> String.join("\n", all));
    }

    @Test
    void tenMillionLongListIsOneCollapsedStep() throws IOException {
        long length = 10_000_000;
        ChainGraph g = new ChainGraph(length, false, false, true);
        long started = System.nanoTime();
        PathTree tree = merge(g, "Node", MergedPaths.Options.DEFAULT);
        System.out.printf("merged paths of a 10M-element list in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        long all = 0;
        for (long p = 0; p < length; p++) all += ChainGraph.sizeAt(p);
        assertEquals(List.of(
                "system class Node | " + length + " | " + all,
                "system class Node → Node | 1 | " + all,
                "system class Node → Node.next+ | " + (length - 1) + " | 0",
                "system class Node → Node.next+ → Node | " + (length - 1) + " | 0"), lines(tree.top(), false));
    }
}
