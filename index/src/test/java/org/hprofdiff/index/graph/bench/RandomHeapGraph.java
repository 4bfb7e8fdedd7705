package org.hprofdiff.index.graph.bench;

import java.util.stream.LongStream;
import org.hprofdiff.core.format.GcRootKind;
import org.hprofdiff.index.graph.EdgeLabel;
import org.hprofdiff.index.graph.ObjectGraph;
import org.hprofdiff.index.graph.RootContext;
import org.hprofdiff.index.graph.offheap.LongArray;
import org.hprofdiff.index.graph.offheap.NodeArray;
import org.hprofdiff.index.graph.offheap.Scratch;

/**
 * A large random object graph in off-heap CSR arrays, shaped roughly like a heap: most references point
 * to nearby objects (allocation locality: lists, object trees), some to anywhere, some to a few popular
 * objects (class objects, interned strings); one object in 200 is a {@code Reference} whose first edge is
 * its referent; 10,000 random GC roots plus object 0. Built in parallel from a seed; sizes, classes and
 * edge kinds are formulas of the ordinal.
 */
public final class RandomHeapGraph implements ObjectGraph, AutoCloseable {
    private final long nodes;
    private final long seed;
    private final LongArray firstEdge;
    private final NodeArray targets;
    private final long[] roots;
    private static final long WEAK_BIT = 1L << 31;
    /** Tenths of the references that point near their holder (allocation locality); the bench's default is 5. */
    private static final int NEARBY_TENTHS = Integer.getInteger("bench.nearbyTenths", 5);

    public RandomHeapGraph(long nodes, long seed, Scratch scratch) {
        this.nodes = nodes;
        this.seed = seed;
        firstEdge = scratch.longs(nodes + 1);
        long total = 0;
        for (long i = 0; i < nodes; i++) {
            firstEdge.set(i, total);
            total += degree(i);
        }
        firstEdge.set(nodes, total);
        if (nodes >= WEAK_BIT) throw new IllegalArgumentException("the bench graph keeps the weak flag in bit 31: fewer than 2^31 objects");
        targets = scratch.nodes(total, false);
        long chunk = 1 << 20;
        LongStream.range(0, (nodes + chunk - 1) / chunk).parallel().forEach(c -> {
            for (long i = c * chunk, end = Math.min(nodes, i + chunk); i < end; i++) {
                long e = firstEdge.get(i);
                for (int k = 0, d = degree(i); k < d; k++) {
                    targets.set(e + k, target(i, k) | (k == 0 && isReference(i) ? WEAK_BIT : 0));
                }
            }
        });
        roots = new long[10_001];
        for (int r = 1; r < roots.length; r++) roots[r] = Math.floorMod(mix(seed ^ (r * 0x9E3779B97F4A7C15L)), nodes);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private int degree(long i) {
        long h = mix(seed + i) & 1023;
        if (h < 205) return 0;        // 20 %: primitive arrays, strings' value, leaf objects
        if (h < 512) return 1;        // 30 %
        if (h < 717) return 2;        // 20 %
        if (h < 870) return 3;        // 15 %
        return 4 + (int) (h % 13);    // 15 %: 4 .. 16 (object arrays, maps)
    }

    private long target(long i, int k) {
        long h = mix((seed * 31 + i) * 17 + k);
        long kind = (h >>> 56) % 10;
        if (kind < NEARBY_TENTHS) return (i + 1 + ((h >>> 8) & 63) * ((h >>> 20) & 3)) % nodes; // nearby
        if (kind < NEARBY_TENTHS + (10 - NEARBY_TENTHS) * 3 / 5) return Math.floorMod(h, nodes); // anywhere
        return Math.floorMod(h, Math.max(1, nodes / 1000));                        // popular
    }

    public long edgeCount() { return firstEdge.get(nodes); }

    @Override public long nodeCount() { return nodes; }
    @Override public long shallowSize(long node) { return 16 + 8 * (mix(node ^ 0x5555) & 7); }
    @Override public int classIndex(long node) { return isReference(node) ? 1 : (int) (mix(node * 7) % 1000) + 2; }
    @Override public int classCount() { return 1002; }
    @Override public String className(int classIndex) { return classIndex == 1 ? "java.lang.ref.WeakReference" : "C" + classIndex; }
    @Override public int classObjectIndex(long node) { return -1; }
    @Override public long firstEdge(long node) { return firstEdge.get(node); }
    @Override public long edgeTarget(long edge) { return targets.get(edge) & ~WEAK_BIT; }

    private static boolean isReference(long node) { return node % 200 == 7; }

    @Override
    public boolean isWeakEdge(long edge) {
        return (targets.get(edge) & WEAK_BIT) != 0; // the referent: first edge of a Reference object
    }

    @Override public long rootCount() { return roots.length; }
    @Override public long rootNode(long root) { return roots[(int) root]; }
    @Override public GcRootKind rootKind(long root) { return root % 10 == 0 ? GcRootKind.THREAD_OBJECT : GcRootKind.JAVA_FRAME; }
    @Override public RootContext rootContext(long root) { return RootContext.NONE; }
    @Override public EdgeLabel edgeLabel(long node, long edge) { return new EdgeLabel.Field("f" + (edge - firstEdge.get(node))); }

    @Override
    public void close() {
        targets.close();
        firstEdge.close();
    }
}
