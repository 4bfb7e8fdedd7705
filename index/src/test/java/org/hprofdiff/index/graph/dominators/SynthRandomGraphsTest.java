package org.hprofdiff.index.graph.dominators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.hprofdiff.core.format.GcRootKind;
import org.hprofdiff.index.graph.InMemoryGraph;
import org.hprofdiff.index.graph.PhaseListener;
import org.hprofdiff.index.graph.References;
import org.hprofdiff.index.graph.offheap.Scratch;
import org.hprofdiff.testdata.synth.RandomGraph;
import org.hprofdiff.testdata.synth.RandomGraphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The synthetic writer's random graphs (testdata, written independently of this package): strong
 * reachability must equal the generator's own, dominators and retained sizes the brute force's.
 */
class SynthRandomGraphsTest {
    @TempDir
    Path dir;

    private static InMemoryGraph toGraph(RandomGraph rg) {
        InMemoryGraph.Builder b = InMemoryGraph.builder();
        int node = b.type("synth.graph.Node");
        int weakReference = b.type("java.lang.ref.WeakReference");
        for (int i = 0; i < rg.size(); i++) {
            b.object(rg.weakReference()[i] ? weakReference : node, rg.heap().object(rg.ids()[i]).shallowSize());
        }
        for (int i = 0; i < rg.size(); i++) {
            for (int t : rg.strong()[i]) b.edge(i, t, false);
            for (int t : rg.weak()[i]) b.referent(i, t);
        }
        for (int r : rg.roots()) b.root(r, GcRootKind.JNI_GLOBAL);
        return b.build();
    }

    @Test
    void reachabilityAndDominatorsOfSynthGraphs() throws Exception {
        try (Scratch scratch = Scratch.inMemory()) {
            for (long seed = 1; seed <= 400; seed++) {
                RandomGraph rg = RandomGraphs.generate(seed, 2 + (int) (seed % 40));
                InMemoryGraph g = toGraph(rg);
                boolean[] strong = rg.stronglyReachable();
                try (DominatorTree t = Dominators.compute(g, Dominators.Options.DEFAULT, dir.resolve("s" + seed), scratch,
                        PhaseListener.NONE, false, false)) {
                    for (int v = 0; v < rg.size(); v++) {
                        assertEquals(strong[v], t.reachability(v) == Reachability.STRONG, "seed " + seed + ", object " + v);
                    }
                    DominatorsBruteForceTest.check(g, new BruteForceDominators(g, References.STRONG, false), t, "seed " + seed, scratch);
                }
            }
        }
    }
}
