package org.hprofdiff.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hprofdiff.index.graph.dominators.DominatorTree;
import org.hprofdiff.index.graph.paths.PathNode;
import org.hprofdiff.index.graph.paths.PathTree;
import org.hprofdiff.index.graph.suspects.LeakSuspects;
import org.hprofdiff.testdata.scenarios.ClassHistogram;
import org.hprofdiff.testdata.scenarios.Jdks;
import org.hprofdiff.testdata.scenarios.Scenario;
import org.hprofdiff.testdata.scenarios.ScenarioLaunch;
import org.hprofdiff.testdata.scenarios.ScenarioRun;
import org.hprofdiff.testdata.scenarios.ScenarioRunner;
import org.hprofdiff.testdata.scenarios.incident.ConnectionReaperLeak;
import org.hprofdiff.testdata.scenarios.incident.http.PoolingHttpClientConnectionManager;
import org.hprofdiff.testdata.scenarios.incident.http.PooledSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incident's dump (testdata's connection-reaper scenario, 3 rounds of 20 leaked writers): what the reaper's
 * registry retains and the path that holds the leaked managers, both worked out from how the scenario builds
 * its objects and from the sizes the child JVM's own {@code GC.class_histogram} states, not from the code
 * under test.
 */
class ConnectionReaperAnalysisTest {
    private static final int ROUNDS = 3;
    private static final String HTTP = "org.hprofdiff.testdata.scenarios.incident.http.";
    private static final String REAPER = HTTP + "IdleConnectionReaper";
    private static final String MANAGER = HTTP + "PoolingHttpClientConnectionManager";

    @TempDir
    static Path dir;
    static ScenarioRun run;
    static ClassHistogram histogram;
    static HeapAnalysis analysis;

    @BeforeAll
    static void dumpAndOpen() throws Exception {
        run = ScenarioRunner.run(ScenarioLaunch.of(Scenario.CONNECTION_REAPER, Jdks.current(), ROUNDS, dir.resolve("run")));
        histogram = run.histogram(ROUNDS);
        analysis = HeapAnalysis.open(run.dumps().get(ROUNDS - 1), IndexOptions.defaults().withEnvironment(Map.of()).withIndexDir(dir.resolve("idx")),
                HeapAnalysis.Options.DEFAULT, AnalysisProgress.SILENT);
    }

    @AfterAll
    static void close() {
        if (analysis != null) analysis.close();
    }

    /** Bytes of one instance of a class whose instances all have one size: the histogram's bytes over its count. */
    private static long sizeOf(String printedName) {
        long n = histogram.instances(printedName);
        long bytes = histogram.bytes(printedName);
        assertTrue(n > 0, printedName + " is in the histogram");
        assertEquals(0, bytes % n, printedName + ": every instance the same size");
        return bytes / n;
    }

    private static long align8(long bytes) {
        return (bytes + 7) & ~7L;
    }

    /**
     * Arrays: a 16-byte header (12-byte object header + 4-byte length) and 4-byte references, the layout of a
     * 64-bit JVM with compressed oops and class pointers, which the child runs with (-Xmx256m). Checked first
     * against the histogram's sizes of instance classes whose fields are known.
     */
    private static long array(long length, long elementBytes) {
        return align8(16 + length * elementBytes);
    }

    private static void assertDefaultLayout() {
        assertEquals(align8(12 + 2 * 4 + 8), sizeOf(PooledSocket.class.getName()), "PooledSocket: header + 2 references + long");
        assertEquals(align8(12 + 4 + 3 * 4), sizeOf("java.util.HashMap$Node"), "HashMap$Node: header + int + 3 references");
        assertEquals(align8(12 + 8), sizeOf("java.lang.Long"), "Long: header + long");
    }

    private static long onlyInstanceOf(String javaName) {
        IndexGraph g = analysis.graph();
        long found = -1;
        for (long o = 0; o < g.nodeCount(); o++) {
            if (g.className(g.classIndex(o)).equals(javaName)) {
                assertEquals(-1, found, "one " + javaName);
                found = o;
            }
        }
        assertTrue(found >= 0, javaName);
        return found;
    }

    @Test
    void theRegistryRetainsExactlyWhatTheLeakedWritersLeftBehind() throws Exception {
        assertDefaultLayout();
        long managers = (long) ConnectionReaperLeak.DEFAULT_WRITERS_PER_ROUND * ROUNDS;
        int routes = ConnectionReaperLeak.ROUTES_PER_MANAGER;
        int sockets = ConnectionReaperLeak.SOCKETS_PER_MANAGER;
        // per manager: itself, its HashMap pre-sized to a 16384-slot table, per route a HashMap$Node, the HttpRoute and
        // a RouteSpecificPool with an ArrayList whose Object[] has one slot per socket of the route, per socket a
        // PooledSocket with its receive buffer
        long perManager = sizeOf(MANAGER) + sizeOf("java.util.HashMap")
                + array(PoolingHttpClientConnectionManager.POOL_TABLE_LENGTH, 4)
                + routes * (sizeOf("java.util.HashMap$Node") + sizeOf(HTTP + "HttpRoute") + sizeOf(HTTP + "RouteSpecificPool")
                        + sizeOf("java.util.ArrayList") + array(sockets / routes, 4))
                + sockets * (sizeOf(PooledSocket.class.getName()) + array(PooledSocket.RECEIVE_BUFFER_BYTES, 1));
        // the registry: a ConcurrentHashMap whose table doubled from 16 while 3/4 full (60 entries: 16→32→64→128),
        // per entry a ConcurrentHashMap$Node and a new Long
        long tableLength = 128;
        long registry = sizeOf("java.util.concurrent.ConcurrentHashMap") + array(tableLength, 4)
                + managers * (sizeOf("java.util.concurrent.ConcurrentHashMap$Node") + sizeOf("java.lang.Long") + perManager);

        long reaper = onlyInstanceOf(REAPER);
        long map = analysis.index().fields().referenceField(reaper, "connectionManagers");
        DominatorTree tree = analysis.dominators();
        assertEquals(registry, tree.retainedSize(map));
        assertEquals(reaper, tree.immediateDominator(map));
        assertEquals(registry + sizeOf(REAPER), tree.retainedSize(reaper));
        long table = analysis.index().fields().referenceField(map, "table");
        assertEquals(map, tree.immediateDominator(table));
        assertEquals(array(tableLength, 4), analysis.graph().shallowSize(table), "the table has " + tableLength + " slots");

        int managerClass = analysis.index().classes().indicesOfName(MANAGER.replace('.', '/')).getFirst();
        assertEquals(managers * perManager, tree.classRetained(managerClass), "class-level retained: every manager once");
    }

    @Test
    void theLeakedManagersMergeIntoTheStaticRegistryPath() throws Exception {
        long managers = (long) ConnectionReaperLeak.DEFAULT_WRITERS_PER_ROUND * ROUNDS;
        PathTree tree = analysis.mergedPaths(Pattern.compile(Pattern.quote(MANAGER) + "$"));
        assertEquals(managers, tree.targets());
        assertEquals(0, tree.withoutPath());
        // the static field wins over the reaper thread's local variable that refers to the same reaper
        assertEquals(1, tree.top().children().size(), "one start");
        PathNode node = tree.top().children().getFirst();
        List<String> chain = new ArrayList<>();
        while (node.children().size() == 1) {
            chain.add(node.display());
            assertEquals(managers, node.objects(), node.display());
            node = node.children().getFirst();
        }
        chain.add(node.display());
        assertEquals(List.of("static IdleConnectionReaper.INSTANCE",
                "static IdleConnectionReaper.INSTANCE → IdleConnectionReaper.connectionManagers",
                "static IdleConnectionReaper.INSTANCE → IdleConnectionReaper.connectionManagers → ConcurrentHashMap.table",
                "static IdleConnectionReaper.INSTANCE → IdleConnectionReaper.connectionManagers → ConcurrentHashMap.table → ConcurrentHashMap$Node[] [*]"), chain);
        assertEquals("static " + REAPER + ".INSTANCE → " + REAPER + ".connectionManagers → java.util.concurrent.ConcurrentHashMap.table"
                + " → java.util.concurrent.ConcurrentHashMap$Node[] [*]", node.signature());
        // below the table: bucket heads, and entries further down a bucket's chain; every branch ends at a manager's key
        long leaves = 0;
        for (PathNode branch : node.children()) {
            PathNode leaf = branch;
            while (!leaf.children().isEmpty()) {
                assertEquals(1, leaf.children().size(), leaf.display());
                leaf = leaf.children().getFirst();
            }
            assertTrue(leaf.display().endsWith(" → ConcurrentHashMap$Node.key → PoolingHttpClientConnectionManager"), leaf.display());
            leaves += leaf.objects();
        }
        assertEquals(managers, leaves);
    }

    @Test
    void theReaperIsTheLargestSuspectAndItsLeakAccumulatesInTheTable() throws Exception {
        List<LeakSuspects.Suspect> suspects = analysis.suspects(LeakSuspects.Options.DEFAULT);
        LeakSuspects.SingleObject first = assertInstanceOf(LeakSuspects.SingleObject.class, suspects.getFirst());
        assertEquals(onlyInstanceOf(REAPER), first.node());
        long map = analysis.index().fields().referenceField(first.node(), "connectionManagers");
        assertEquals(analysis.index().fields().referenceField(map, "table"), first.accumulation(),
                "below the table the bytes spread over the entries: no child keeps 70 %");
        assertEquals(2, first.depth());
    }
}
