package org.hprofdiff.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hprofdiff.core.format.GcRootKind;
import org.hprofdiff.index.table.ClassInfo;
import org.hprofdiff.index.table.Edges;
import org.hprofdiff.index.table.GcRoot;
import org.hprofdiff.index.table.ThreadInfo;
import org.hprofdiff.index.testprograms.KnownGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Facts about {@link KnownGraph}'s dump that follow from how the program built its objects. */
class KnownGraphShapeTest {
    @TempDir
    static Path dir;
    static DumpIndex index;

    @BeforeAll
    static void build() throws Exception {
        index = IndexCache.openOrBuild(TestDumps.knownGraph(), IndexOptions.defaults().withEnvironment(Map.of()).withIndexDir(dir), BuildProgress.SILENT);
    }

    @AfterAll
    static void close() {
        if (index != null) index.close();
    }

    private static ClassInfo onlyClass(String name) {
        List<Integer> found = index.classes().indicesOfName(name);
        assertEquals(1, found.size(), name);
        return index.classes().get(found.getFirst());
    }

    private static long[] instancesOf(ClassInfo c) {
        return java.util.stream.LongStream.range(0, index.objectCount()).filter(o -> index.classIndexOf(o) == c.index()).toArray();
    }

    @Test
    void chainOfNodesWithNullPayloadsOnEvenNodes() {
        ClassInfo node = onlyClass("org/hprofdiff/index/testprograms/KnownGraph$Node");
        assertEquals(KnownGraph.CHAIN, node.instances());
        long[] nodes = instancesOf(node);
        assertEquals(KnownGraph.CHAIN, nodes.length);
        // degree = class + next (except the last node) + payload (odd nodes only)
        long odd = 0;
        long last = 0;
        for (long n : nodes) {
            long index1 = index.fields().field(n, "index").orElseThrow();
            long degree = index.outbound().degree(n);
            long expected = 1 + (index1 == KnownGraph.CHAIN - 1 ? 0 : 1) + (index1 % 2 == 1 ? 1 : 0);
            assertEquals(expected, degree, "node " + index1);
            if (index1 % 2 == 1) odd++;
            if (index1 == KnownGraph.CHAIN - 1) last++;
            assertEquals(node.ordinal(), index.outbound().target(index.outbound().start(n)), "first edge is the class");
        }
        assertEquals(KnownGraph.CHAIN / 2, odd);
        assertEquals(1, last);
        assertEquals(24, node.instanceSize(), "12-byte header + 2 compressed references + int");
        assertEquals(24, index.shallowSize(nodes[0]));
    }

    @Test
    void selfReferenceAndCycle() {
        long self = instancesOf(onlyClass("org/hprofdiff/index/testprograms/KnownGraph$SelfRef"))[0];
        Edges out = index.outbound();
        assertEquals(2, out.degree(self));
        assertEquals(self, out.target(out.start(self) + 1));
        long[] pairs = instancesOf(onlyClass("org/hprofdiff/index/testprograms/KnownGraph$Pair"));
        assertEquals(2, pairs.length);
        assertEquals(pairs[1], index.fields().referenceField(pairs[0], "other"));
        assertEquals(pairs[0], index.fields().referenceField(pairs[1], "other"));
        assertEquals("a", index.fields().string(index.fields().referenceField(
                index.fields().referenceField(pairs[0], "label") >= 0 ? pairs[0] : pairs[1], "label")));
    }

    @Test
    void classLoaderLeakShapeIsInTheGraph() {
        ClassInfo leaked = onlyClass("org/hprofdiff/index/testprograms/Leaked");
        ClassInfo helper = onlyClass("org/hprofdiff/index/testprograms/LeakedHelper");
        long[] instances = instancesOf(leaked);
        assertEquals(1, instances.length);
        long instance = instances[0];
        // instance -> its class
        assertEquals(leaked.ordinal(), index.outbound().target(index.outbound().start(instance)));
        // class -> its loader, an instance of KnownGraph$LeakLoader
        long loader = leaked.loaderOrdinal();
        assertTrue(loader >= 0);
        assertEquals("org/hprofdiff/index/testprograms/KnownGraph$LeakLoader", index.classOf(loader).name());
        assertTrue(hasEdge(leaked.ordinal(), loader));
        assertEquals(loader, helper.loaderOrdinal());
        // loader -> the loader's classes (through its fields, as the JVM keeps them)
        assertTrue(reachable(loader, helper.ordinal(), 4), "loader reaches LeakedHelper's class within 4 references");
        assertTrue(reachable(loader, leaked.ordinal(), 4), "loader reaches Leaked's class within 4 references");
        // the static of the leaked class is an outbound edge of the class object
        long registry = -1;
        for (ClassInfo.Static s : leaked.statics()) if (s.name().equals("registry")) registry = index.ordinalOf(s.value());
        assertTrue(registry >= 0 && hasEdge(leaked.ordinal(), registry));
    }

    private static boolean hasEdge(long from, long to) {
        for (long i = index.outbound().start(from); i < index.outbound().end(from); i++) if (index.outbound().target(i) == to) return true;
        return false;
    }

    private static boolean reachable(long from, long to, int maxDepth) {
        Set<Long> seen = new HashSet<>(List.of(from));
        ArrayDeque<long[]> queue = new ArrayDeque<>(List.<long[]>of(new long[] {from, 0}));
        while (!queue.isEmpty()) {
            long[] e = queue.poll();
            if (e[0] == to) return true;
            if (e[1] == maxDepth) continue;
            for (long i = index.outbound().start(e[0]); i < index.outbound().end(e[0]); i++) {
                long t = index.outbound().target(i);
                if (seen.add(t)) queue.add(new long[] {t, e[1] + 1});
            }
        }
        return false;
    }

    @Test
    void sparseArrayKeepsOnlyNonNullElementsInOrder() {
        ClassInfo knownGraph = onlyClass("org/hprofdiff/index/testprograms/KnownGraph");
        long sparse = -1;
        for (ClassInfo.Static s : knownGraph.statics()) if (s.name().equals("sparse")) sparse = index.ordinalOf(s.value());
        Edges out = index.outbound();
        assertEquals(4, out.degree(sparse), "class + elements 1, 4, 9");
        assertEquals("four", index.fields().string(out.target(out.start(sparse) + 2)));
        assertEquals(sparse, out.target(out.start(sparse) + 3));
        assertEquals(16 + 10 * 4, index.shallowSize(sparse), "16-byte array header + 10 compressed references");
    }

    @Test
    void workerThreadHasItsNameFramesAndLocalRoot() {
        ThreadInfo worker = index.threads().all().stream().filter(t -> t.name().equals(KnownGraph.WORKER)).findFirst().orElse(null);
        assertNotNull(worker, "threads: " + index.threads().all().stream().map(ThreadInfo::name).toList());
        assertTrue(worker.ordinal() >= 0);
        assertTrue(worker.frames().stream().anyMatch(f -> f.methodName().startsWith("lambda$main")
                && f.className().equals("org/hprofdiff/index/testprograms/KnownGraph")), worker.frames().toString());
        long marker = instancesOf(onlyClass("org/hprofdiff/index/testprograms/KnownGraph$LocalMarker"))[0];
        boolean heldByWorkerFrame = false;
        for (long i = 0; i < index.roots().size(); i++) {
            GcRoot r = index.roots().get(i);
            if (r.ordinal() == marker && r.kind() == GcRootKind.JAVA_FRAME && r.threadSerial() == worker.serial()) {
                heldByWorkerFrame = true;
                ThreadInfo.Frame f = worker.frames().get(r.frame());
                assertTrue(f.methodName().startsWith("lambda$main"), f.toString());
            }
        }
        assertTrue(heldByWorkerFrame);
        long data = index.fields().referenceField(marker, "data");
        assertEquals(120, index.shallowSize(data), "byte[100]: 16-byte header + 100, aligned to 8");
    }

    @Test
    void classTotalsMatchTheColumns() {
        long[] count = new long[index.classes().size()];
        long[] bytes = new long[index.classes().size()];
        for (long o = 0; o < index.objectCount(); o++) {
            count[index.classIndexOf(o)]++;
            bytes[index.classIndexOf(o)] += index.shallowSize(o);
        }
        for (ClassInfo c : index.classes().all()) {
            assertEquals(count[c.index()], c.instances(), c.name());
            assertEquals(bytes[c.index()], c.instanceBytes(), c.name());
        }
    }
}
