package org.hprofdiff.index.graph.dominators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.hprofdiff.index.graph.ChainGraph;
import org.hprofdiff.index.graph.PhaseListener;
import org.hprofdiff.index.graph.offheap.Scratch;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A linked list of 10 million objects, the shape that overflows recursive dominator code: each element
 * dominates the rest of the list, so its retained size is the sum of the sizes from it to the tail. The time is
 * printed, not asserted (performance is measured in bench/, docs/benchmarks.md): 2.5–7.7 s here; once, in one CI
 * run, 60.8 s with the scratch in files (not seen again in eight reruns), which a 60 s bound here turned red.
 */
class LongChainTest {
    private static final long LENGTH = 10_000_000;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "doubly={0}, descending={1}, scratch in files={2}")
    @CsvSource({"false, false, false", "true, true, true"})
    void everyElementDominatesTheRest(boolean doubly, boolean descending, boolean scratchInFiles) throws Exception {
        ChainGraph g = new ChainGraph(LENGTH, doubly, descending);
        long started = System.nanoTime();
        try (Scratch scratch = scratchInFiles ? Scratch.inDirectory(dir) : Scratch.inMemory();
             DominatorTree tree = Dominators.compute(g, Dominators.Options.DEFAULT, dir.resolve("chain.dom"), scratch, PhaseListener.NONE)) {
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("10M-element list (doubly=%s, descending=%s): dominators in %d ms%n", doubly, descending, millis);
            long tail = 0;
            for (long p = LENGTH - 1; p >= 0; p--) {
                long node = g.nodeAt(p);
                tail += ChainGraph.sizeAt(p);
                long expectedIdom = p == 0 ? tree.virtualRoot() : g.nodeAt(p - 1);
                if (tree.immediateDominator(node) != expectedIdom || tree.retainedSize(node) != tail) {
                    assertEquals(expectedIdom, tree.immediateDominator(node), "immediate dominator at position " + p);
                    assertEquals(tail, tree.retainedSize(node), "retained size at position " + p);
                }
            }
            assertEquals(tail, tree.retainedSize(tree.virtualRoot()));
            assertEquals(tail, tree.classRetained(0), "the head (Even) holds every Even below it");
            assertEquals(tail - ChainGraph.sizeAt(0), tree.classRetained(1), "the second element (Odd) holds every Odd below it");
        }
    }
}
