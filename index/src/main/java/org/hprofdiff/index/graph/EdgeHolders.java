package org.hprofdiff.index.graph;

/**
 * Which object holds an edge, for the many look-ups of a walk up millions of paths (a path stores the edge into
 * each object, not its holder). A binary search over every object's first edge reads about log2(objects) offsets,
 * the last ten or so of them cache misses; this keeps, for every 2^shift-th edge, the object that holds it (at
 * most 2^22 entries, 32 MB of heap; 6 MB for the 767 million edges of a 21.5 GB dump), so a search covers only the
 * few hundred objects between two samples, which sit side by side in the offsets column.
 */
public final class EdgeHolders {
    private static final int MAX_SAMPLES = 1 << 22;
    private static final int MIN_SHIFT = 8;

    private final ObjectGraph graph;
    private final int shift;
    /** The holder of edge {@code i << shift}, by i. */
    private final long[] sampled;
    private final long last;

    /** One pass over the objects' first edges. */
    public EdgeHolders(ObjectGraph graph) {
        this.graph = graph;
        long n = graph.nodeCount();
        long edges = graph.firstEdge(n);
        int s = MIN_SHIFT;
        while ((edges >>> s) >= MAX_SAMPLES) s++;
        this.shift = s;
        this.last = Math.max(0, n - 1);
        this.sampled = new long[(int) ((edges >>> s) + 1)];
        int next = 0;
        for (long node = 0; node < n && next < sampled.length; node++) {
            long end = graph.firstEdge(node + 1);
            while (next < sampled.length && ((long) next << s) < end) sampled[next++] = node;
        }
        while (next < sampled.length) sampled[next++] = last;
    }

    /** The object that holds {@code edge}: the last whose first edge is at or before it. */
    public long of(long edge) {
        int i = (int) (edge >>> shift);
        long lo = sampled[i];
        long hi = i + 1 < sampled.length ? sampled[i + 1] : last;
        while (lo < hi) {
            long mid = (lo + hi + 1) >>> 1;
            if (graph.firstEdge(mid) <= edge) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }
}
