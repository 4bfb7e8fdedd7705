package org.hprofdiff.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.hprofdiff.index.graph.EdgeLabel;
import org.hprofdiff.index.graph.PhaseListener;
import org.hprofdiff.index.graph.dominators.DominatorTree;
import org.hprofdiff.index.graph.dominators.Dominators;
import org.hprofdiff.index.graph.offheap.Scratch;
import org.hprofdiff.index.table.ClassInfo;
import org.hprofdiff.index.testprograms.KnownGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analyses run on the on-disk index: KnownGraph's chain retains exactly what the program hung on it. */
class IndexGraphDominatorsTest {
    @TempDir
    Path dir;

    @Test
    void chainHeadRetainsItsNodesAndPayloads() throws Exception {
        try (DumpIndex index = IndexCache.openOrBuild(TestDumps.knownGraph(), IndexOptions.defaults().withEnvironment(Map.of()).withIndexDir(dir),
                BuildProgress.SILENT);
             Scratch scratch = Scratch.inMemory()) {
            IndexGraph graph = new IndexGraph(index);
            assertEquals(index.edgeCount(), graph.firstEdge(graph.nodeCount()));
            for (long r = 0; r < graph.rootCount(); r++) assertTrue(graph.rootNode(r) >= 0 && graph.rootNode(r) < graph.nodeCount());

            ClassInfo knownGraph = index.classes().get(index.classes().indicesOfName("org/hprofdiff/index/testprograms/KnownGraph").getFirst());
            long head = -1;
            for (ClassInfo.Static s : knownGraph.statics()) if (s.name().equals("head")) head = index.ordinalOf(s.value());
            // the class's "head" static is labelled as such
            boolean labelled = false;
            for (long e = graph.firstEdge(knownGraph.ordinal()); e < graph.firstEdge(knownGraph.ordinal() + 1); e++) {
                if (graph.edgeTarget(e) == head) labelled |= graph.edgeLabel(knownGraph.ordinal(), e).equals(new EdgeLabel.StaticField("head"));
            }
            assertTrue(labelled);

            // KnownGraph.sparse = Object[10] with elements 1, 4 and 9 set: its class edge, then three element edges
            long sparse = -1;
            for (ClassInfo.Static s : knownGraph.statics()) if (s.name().equals("sparse")) sparse = index.ordinalOf(s.value());
            int elements = 0, classEdges = 0;
            for (long e = graph.firstEdge(sparse); e < graph.firstEdge(sparse + 1); e++) {
                switch (graph.edgeLabel(sparse, e)) {
                    case EdgeLabel.ArrayElement a -> elements++;
                    case EdgeLabel.Internal i -> classEdges += i.name().equals("<class>") ? 1 : 0;
                    default -> throw new AssertionError("unexpected label on an array edge");
                }
            }
            assertEquals(3, elements);
            assertEquals(1, classEdges);

            try (DominatorTree tree = Dominators.compute(graph, Dominators.Options.DEFAULT, dir.resolve("dominators"), scratch, PhaseListener.NONE)) {
                // 1000 nodes of 24 bytes (12-byte header, two compressed references, an int) and the 500 Integers of
                // the odd nodes (16 bytes: header and int; outside the Integer cache), nothing else
                long expected = KnownGraph.CHAIN * 24L + KnownGraph.CHAIN / 2 * 16L;
                assertEquals(expected, tree.retainedSize(head));
                assertEquals(knownGraph.ordinal(), tree.immediateDominator(head), "held by the class's statics head and sparse[1]");
            }
        }
    }
}
