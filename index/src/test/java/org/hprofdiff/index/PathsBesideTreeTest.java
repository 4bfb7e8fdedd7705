package org.hprofdiff.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hprofdiff.index.graph.PhaseListener;
import org.hprofdiff.index.graph.dominators.DominatorTree;
import org.hprofdiff.index.graph.dominators.Reachability;
import org.hprofdiff.index.graph.paths.ShortestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shortest paths searched beside the dominator tree (on their own thread, from what the tree's numbering says
 * is reachable) are the paths searched after the tree from its stored reachability, entry for entry, on every kind
 * of dump the index reads and on a dump cut short (where some classes are not reached and must start no path).
 */
class PathsBesideTreeTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.hprofdiff.index.DumpCases#all")
    void sameEntriesAsTheSearchAfterTheTree(DumpCases c) throws Exception {
        assertTrue(check(c.dump(), c.dumpNumber()) > 0, "some object has a path");
    }

    @Test
    void sameEntriesOnADumpCutShort() throws Exception {
        byte[] whole = Files.readAllBytes(TestDumps.knownGraph());
        long reached = 0;
        for (int percent : new int[] {40, 60, 90}) {
            Path cut = dir.resolve("cut-" + percent + ".hprof");
            Files.write(cut, java.util.Arrays.copyOf(whole, (int) (whole.length * (long) percent / 100)));
            reached += check(cut, 1);
        }
        assertTrue(reached > 0, "some object of a cut dump has a path");
    }

    /** Compares the two searches on every object; returns how many objects have a path. */
    private long check(Path dump, int dumpNumber) throws Exception {
        Path indexDir = Files.createTempDirectory(dir, "index");
        IndexOptions options = IndexOptions.defaults().withEnvironment(Map.of()).withIndexDir(indexDir).withDumpNumber(dumpNumber);
        try (HeapAnalysis a = HeapAnalysis.open(dump, options, HeapAnalysis.Options.DEFAULT, AnalysisProgress.SILENT)) {
            // a test dump fits in memory beside its tree, so the search below runs on its own thread, as it is meant to
            assertTrue(PathsBesideTree.fits(a.index(), org.hprofdiff.index.store.MachineMemory.total()), "the search runs beside the tree");
            ShortestPaths beside = a.shortestPaths();
            DominatorTree tree = a.dominators();
            assertTrue(a.pathsComputed() && a.dominatorsComputed(), "both computed by this run");
            IndexGraph g = a.graph();
            long[] starts = ShortestPaths.staticStartClasses(g, node -> tree.reachability(node) == Reachability.STRONG);
            try (ShortestPaths after = ShortestPaths.compute(g, a.options().references(), starts, dir.resolve("after-" + System.nanoTime()),
                    a.scratch(), PhaseListener.NONE)) {
                long reached = 0;
                for (long node = 0; node < g.nodeCount(); node++) {
                    assertEquals(after.hasPath(node), beside.hasPath(node), "object " + node);
                    if (!after.hasPath(node)) continue;
                    reached++;
                    assertEquals(after.isRoot(node), beside.isRoot(node), "object " + node);
                    assertEquals(after.isStaticStart(node), beside.isStaticStart(node), "object " + node);
                    if (after.isRoot(node)) assertEquals(after.rootEntry(node), beside.rootEntry(node), "object " + node);
                    else assertEquals(after.parentEdge(node), beside.parentEdge(node), "object " + node);
                }
                return reached;
            }
        }
    }
}
