package org.hprofdiff.index.graph.dominators;

import org.hprofdiff.index.graph.ObjectGraph;
import org.hprofdiff.index.graph.Workers;
import org.hprofdiff.index.graph.offheap.Bits;
import org.hprofdiff.index.graph.offheap.LongArray;
import org.hprofdiff.index.graph.offheap.LongStack;
import org.hprofdiff.index.graph.offheap.NodeArray;
import org.hprofdiff.index.graph.offheap.Scratch;

/**
 * The dominator tree while it is computed, in pre-order numbers (0 the virtual root): immediate dominators
 * (always a smaller number), retained sizes, and what the stored form is chosen from. Pre-order is what makes
 * the sums cheap: one backward pass adds every object into its dominator, and one forward pass lays the tree
 * out in its own depth-first order ({@link #classRetained}) without child lists.
 */
final class PreorderTree implements AutoCloseable {
    private final ObjectGraph graph;
    final long count;
    /** Pre-order number → immediate dominator's pre-order number. */
    final NodeArray idom;
    /** Pre-order number → object ordinal. */
    final NodeArray vertex;
    /** Pre-order number → retained bytes; entry 0 is the whole tree. */
    final LongArray retained;
    /** Pre-order numbers that dominate at least one object. */
    final Bits hasChildren;
    /** Pre-order number → number of objects in its subtree (itself included), until {@link #classRetained} reuses it. */
    private final NodeArray sizeThenEnd;
    /** Log2 of the largest power of two, at most 8, that divides every shallow size in the tree. */
    final int sizeShift;
    /** Shallow bytes of the objects in each pre-order range (strong, weak, kept unreachable), and of all objects. */
    final long[] rangeBytes;
    final long allBytes;

    private PreorderTree(ObjectGraph graph, long count, NodeArray idom, NodeArray vertex, LongArray retained, Bits hasChildren,
                         NodeArray sizes, int sizeShift, long[] rangeBytes, long allBytes) {
        this.rangeBytes = rangeBytes;
        this.allBytes = allBytes;
        this.graph = graph;
        this.count = count;
        this.idom = idom;
        this.vertex = vertex;
        this.retained = retained;
        this.hasChildren = hasChildren;
        this.sizeThenEnd = sizes;
        this.sizeShift = sizeShift;
    }

    /**
     * Retained sizes and subtree sizes: every object's shallow size (read on all threads, with the byte totals
     * per range of {@code rangeEnds}, the ends of the strong, weak and kept pre-order ranges, and of all objects),
     * then, from the last pre-order number down, each added into its immediate dominator, always visited later.
     */
    static PreorderTree accumulate(ObjectGraph graph, NodeArray idom, NodeArray vertex, long count, long[] rangeEnds, boolean wide,
                                   Scratch scratch, Workers workers) {
        LongArray retained = scratch.longs(count);
        NodeArray sizes = null;
        Bits hasChildren = null;
        try {
            sizes = scratch.nodes(count, wide);
            hasChildren = scratch.bits(count);
            int parts = workers.threads();
            long[] sizeBits = new long[parts];
            long[][] bytes = new long[parts][rangeEnds.length + 1];
            long n = graph.nodeCount();
            workers.run(parts, part -> {
                long bits = 0;
                long[] mine = bytes[part];
                int range = 0;
                for (long p = Math.max(1, Workers.split(count, parts, part, 1)), to = Workers.split(count, parts, part + 1, 1); p < to; p++) {
                    while (p >= rangeEnds[range]) range++;
                    long size = graph.shallowSize(vertex.get(p));
                    retained.set(p, size);
                    bits |= size;
                    mine[range] += size;
                }
                long all = 0;
                for (long node = Workers.split(n, parts, part, 1), to = Workers.split(n, parts, part + 1, 1); node < to; node++) {
                    all += graph.shallowSize(node);
                }
                mine[rangeEnds.length] = all;
                sizeBits[part] = bits;
            });
            long anySize = 0;
            for (long b : sizeBits) anySize |= b;
            long[] total = new long[rangeEnds.length + 1];
            for (long[] b : bytes) for (int r = 0; r < total.length; r++) total[r] += b[r];
            int shift = anySize == 0 ? 3 : Math.min(3, Long.numberOfTrailingZeros(anySize));
            for (long p = count - 1; p >= 1; p--) {
                long d = idom.get(p);
                long subtree = sizes.get(p) + 1;
                sizes.set(p, subtree);
                sizes.set(d, sizes.get(d) + subtree);
                retained.add(d, retained.get(p));
                hasChildren.set(d);
            }
            return new PreorderTree(graph, count, idom, vertex, retained, hasChildren, sizes, shift,
                    java.util.Arrays.copyOf(total, rangeEnds.length), total[rangeEnds.length]);
        } catch (RuntimeException | Error e) {
            retained.close();
            if (sizes != null) sizes.close();
            if (hasChildren != null) hasChildren.close();
            throw e;
        }
    }

    /**
     * MAT's class-level retained sizes: per class, the retained bytes of its instances that no other instance
     * of the class dominates. The tree is laid out in its own pre-order first (a subtree is then a range of
     * positions, and a forward pass places each object after its dominator's earlier children, from subtree
     * sizes alone); then a pass along that order keeps, per class, where the subtree of the last counted
     * instance ends: an instance before that end is inside it. The pass splits at any position, given the
     * classes of the objects above it, so every thread takes a range.
     */
    long[] classRetained(int classCount, Scratch scratch, Workers workers) {
        try (NodeArray order = scratch.nodes(count, isWide(sizeThenEnd))) {
            layOut(order);
            int parts = workers.threads();
            long[][] sums = new long[parts][classCount];
            workers.run(parts, part -> {
                long from = Math.max(1, Workers.split(count, parts, part, 1));
                long to = Workers.split(count, parts, part + 1, 1);
                if (from >= to) return;
                long[] openUntil = new long[classCount];
                openAbove(order.get(from), openUntil, scratch);
                long[] mine = sums[part];
                for (long i = from; i < to; i++) {
                    long w = order.get(i);
                    int c = graph.classIndex(vertex.get(w));
                    if (i >= openUntil[c]) {
                        mine[c] += retained.get(w);
                        openUntil[c] = sizeThenEnd.get(w);
                    }
                }
            });
            long[] total = new long[classCount];
            for (long[] s : sums) for (int c = 0; c < classCount; c++) total[c] += s[c];
            return total;
        } finally {
            sizeThenEnd.close();
        }
    }

    private static boolean isWide(NodeArray a) {
        return a instanceof NodeArray.Wide;
    }

    /**
     * Positions in the tree's own depth-first order: the virtual root at 0, each object right after its
     * dominator or after its dominator's earlier children's subtrees. {@code sizeThenEnd[w]} becomes the
     * position after w's subtree.
     */
    private void layOut(NodeArray order) {
        NodeArray next = sizeThenEnd;
        next.set(0, 1);
        for (long w = 1; w < count; w++) {
            long d = idom.get(w);
            long subtree = next.get(w);
            long at = next.get(d);
            next.set(d, at + subtree);
            order.set(at, w);
            next.set(w, at + 1);
        }
    }

    /** Per class, where the subtree of its top-most instance above {@code w} ends (0: none above). */
    private void openAbove(long w, long[] openUntil, Scratch scratch) {
        try (LongStack chain = new LongStack(scratch, 64)) {
            for (long d = idom.get(w); d != 0; d = idom.get(d)) chain.push(d);
            while (!chain.isEmpty()) {
                long a = chain.pop();
                int c = graph.classIndex(vertex.get(a));
                if (openUntil[c] == 0) openUntil[c] = sizeThenEnd.get(a);
            }
        }
    }

    /**
     * What the stored form needs to know before its file is made: the child-list threshold, how many objects
     * have listed children and how many children that is, how many objects the virtual root dominates directly,
     * and how many retained sizes do not fit in 32 bits of units. The threshold is the smallest retained size
     * such that the objects retaining at least that much have at most {@code listBudget} children in all (the
     * virtual root's aside): the top of the tree, what reports show. Found by two histograms: by power of two,
     * then within the power of two where the budget runs out, in 65,536 steps (a linked list of a million
     * elements, each retaining the rest, is cut where the budget ends, not at a power of two).
     */
    ListPlan plan(long listBudget, long unitsLimit, Workers workers) {
        Histogram coarse = histogram(workers, PreorderTree::bucket, 65);
        long rootChildren = coarse.rootChildren;
        long over = overflowing(unitsLimit, workers);
        long children = 0;
        long parents = 0;
        int b = 64;
        for (; b >= 0; b--) {
            if (children + coarse.children[b] > listBudget) break;
            children += coarse.children[b];
            parents += coarse.parents[b];
        }
        if (b < 0) return new ListPlan(0, parents, children, rootChildren, over);
        if (b == 0) return new ListPlan(1, parents, children, rootChildren, over);
        // the budget ends inside [lo, 2 lo): split that range finely
        int split = b;
        long lo = 1L << (split - 1);
        int shift = Math.max(0, split - 1 - FINE_BITS);
        Histogram fine = histogram(workers, r -> bucket(r) == split ? (int) ((r - lo) >>> shift) : -1, 1 << FINE_BITS);
        int step = (int) ((lo - 1) >>> shift); // the last step that holds values below 2 lo
        long threshold = 2 * lo;
        for (; step >= 0; step--) {
            if (children + fine.children[step] > listBudget) break;
            children += fine.children[step];
            parents += fine.parents[step];
            threshold = lo + ((long) step << shift);
        }
        return new ListPlan(threshold, parents, children, rootChildren, over);
    }

    private static final int FINE_BITS = 16;

    /** Objects whose retained size in units exceeds {@code unitsLimit}: the overflow table's size. */
    private long overflowing(long unitsLimit, Workers workers) {
        int parts = workers.threads();
        long[] over = new long[parts];
        workers.run(parts, part -> {
            for (long w = Math.max(1, Workers.split(count, parts, part, 1)), to = Workers.split(count, parts, part + 1, 1); w < to; w++) {
                if ((retained.get(w) >>> sizeShift) > unitsLimit) over[part]++;
            }
        });
        long sum = 0;
        for (long o : over) sum += o;
        return sum;
    }

    /** Per class of retained size: children of parents in that class, and parents (objects with children) in it. */
    private static final class Histogram {
        final long[] children;
        final long[] parents;
        long rootChildren;

        Histogram(int classes) {
            children = new long[classes];
            parents = new long[classes];
        }

        void add(Histogram o) {
            for (int i = 0; i < children.length; i++) {
                children[i] += o.children[i];
                parents[i] += o.parents[i];
            }
            rootChildren += o.rootChildren;
        }
    }

    /** Counts children by their parent's class of retained size, and parents by their own ({@code classOf} -1: not counted). */
    private Histogram histogram(Workers workers, java.util.function.LongToIntFunction classOf, int classes) {
        int parts = workers.threads();
        Histogram[] byPart = new Histogram[parts];
        workers.run(parts, part -> {
            Histogram h = new Histogram(classes);
            for (long w = Math.max(1, Workers.split(count, parts, part, 1)), to = Workers.split(count, parts, part + 1, 1); w < to; w++) {
                long d = idom.get(w);
                if (d == 0) {
                    h.rootChildren++;
                } else {
                    int c = classOf.applyAsInt(retained.get(d));
                    if (c >= 0) h.children[c]++;
                }
                if (hasChildren.get(w)) {
                    int c = classOf.applyAsInt(retained.get(w));
                    if (c >= 0) h.parents[c]++;
                }
            }
            byPart[part] = h;
        });
        Histogram all = new Histogram(classes);
        for (Histogram h : byPart) all.add(h);
        return all;
    }

    /** 0 for 0, else 1 + the position of the highest bit: bucket b ≥ 1 holds [2^(b-1), 2^b). */
    private static int bucket(long bytes) {
        return 64 - Long.numberOfLeadingZeros(bytes);
    }

    /**
     * @param threshold      objects that retain at least this many bytes, and have children, get a stored child list
     * @param parents        how many objects that is (the virtual root not counted)
     * @param children       how many children they have in all
     * @param rootChildren   objects the virtual root dominates directly
     * @param overflow       objects whose retained size in units exceeds the column's limit
     */
    record ListPlan(long threshold, long parents, long children, long rootChildren, long overflow) {
        boolean listed(long retainedBytes, boolean hasChildren) {
            return hasChildren && retainedBytes >= threshold;
        }
    }

    @Override
    public void close() {
        sizeThenEnd.close();
        hasChildren.close();
        retained.close();
    }
}
