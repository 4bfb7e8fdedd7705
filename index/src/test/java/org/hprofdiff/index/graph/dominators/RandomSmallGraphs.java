package org.hprofdiff.index.graph.dominators;

import java.util.SplittableRandom;
import org.hprofdiff.core.format.GcRootKind;
import org.hprofdiff.index.graph.InMemoryGraph;

/**
 * Seeded random graphs of up to a few dozen objects with the shapes that break dominator code: cycles,
 * self references, repeated edges, several roots on one object, weak references, finalizer roots,
 * unreachable islands and unreachable cycles.
 */
final class RandomSmallGraphs {
    private static final GcRootKind[] KINDS = {GcRootKind.STICKY_CLASS, GcRootKind.JAVA_FRAME, GcRootKind.THREAD_OBJECT,
            GcRootKind.JNI_GLOBAL, GcRootKind.FINALIZING};

    private RandomSmallGraphs() {}

    static InMemoryGraph create(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        InMemoryGraph.Builder b = InMemoryGraph.builder();
        int classes = 1 + rnd.nextInt(4);
        for (int c = 0; c < classes; c++) b.type("C" + c);
        int n = 1 + rnd.nextInt(rnd.nextBoolean() ? 8 : 30);
        for (int i = 0; i < n; i++) b.object(rnd.nextInt(classes), 8 * (1 + rnd.nextInt(12)));
        double density = rnd.nextDouble() * 2.5;
        double weakShare = rnd.nextInt(3) == 0 ? 0 : rnd.nextDouble() * 0.4;
        int edges = (int) (n * density);
        for (int i = 0; i < edges; i++) {
            int from = rnd.nextInt(n);
            // mostly forward edges so that long dominator chains appear, some backward for cycles
            int to = rnd.nextInt(4) == 0 ? rnd.nextInt(n) : Math.min(n - 1, from + 1 + rnd.nextInt(3));
            if (rnd.nextInt(20) == 0) to = from; // self reference
            b.edge(from, to, rnd.nextDouble() < weakShare);
        }
        int roots = rnd.nextInt(4);
        for (int i = 0; i < roots; i++) {
            GcRootKind kind = KINDS[rnd.nextInt(rnd.nextInt(5) == 0 ? KINDS.length : KINDS.length - 1)];
            b.root(rnd.nextInt(Math.max(1, n / 3 + 1)), kind);
        }
        return b.build();
    }
}
