package org.hprofdiff.index.graph.dominators;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;
import org.hprofdiff.index.graph.Workers;
import org.hprofdiff.index.graph.offheap.PackedArray;

/**
 * The children of objects in a stored dominator tree. Listed parents (the virtual root, and the objects that
 * retain at least the tree's list threshold) have their children stored, ascending by ordinal; the children
 * of any other object are found by one scan of the immediate-dominator column on all threads (0.1–0.3 s
 * per 35 million objects, measured), which the reports need only below the objects they show.
 */
final class ChildLists {
    private final PackedArray idom;
    private final long nodeCount;
    private final MemorySegment parents;
    private final MemorySegment start;
    private final PackedArray children;
    private final long lists;
    private final Supplier<Workers> workers;
    /** The last unlisted parent whose children were scanned for, and them. */
    private long scannedParent = -1;
    private long[] scannedChildren;

    ChildLists(PackedArray idom, long nodeCount, MemorySegment parents, MemorySegment start, PackedArray children, Supplier<Workers> workers) {
        this.idom = idom;
        this.nodeCount = nodeCount;
        this.parents = parents;
        this.start = start;
        this.children = children;
        this.lists = parents.byteSize() / 8;
        this.workers = workers;
    }

    /** The slot of {@code node}'s stored list (a binary search of the directory), or -1 when its children are not listed. */
    private long slot(long node) {
        if (node == nodeCount) return lists - 1;
        long lo = 0;
        long hi = lists - 2;
        while (lo <= hi) {
            long mid = (lo + hi) >>> 1;
            long v = parents.getAtIndex(ValueLayout.JAVA_LONG, mid);
            if (v < node) lo = mid + 1;
            else if (v > node) hi = mid - 1;
            else return mid;
        }
        return -1;
    }

    boolean listed(long node) {
        return slot(node) >= 0;
    }

    long count(long node) {
        long s = slot(node);
        if (s >= 0) return start.getAtIndex(ValueLayout.JAVA_LONG, s + 1) - start.getAtIndex(ValueLayout.JAVA_LONG, s);
        return scanned(node).length;
    }

    long child(long node, long i) {
        long s = slot(node);
        if (s >= 0) return children.get(start.getAtIndex(ValueLayout.JAVA_LONG, s) + i);
        return scanned(node)[Math.toIntExact(i)];
    }

    private synchronized long[] scanned(long node) {
        if (node != scannedParent) {
            long[][] found = scan(new long[] {node}, Integer.MAX_VALUE, null);
            scannedChildren = found[0];
            scannedParent = node;
        }
        return scannedChildren;
    }

    /**
     * For each of {@code nodes}: up to {@code limit} children, largest retained first (ties: lower ordinal).
     * Listed parents are answered from their lists, all the others by one shared scan.
     */
    long[][] largest(long[] nodes, int limit, LongUnaryOperator retained) {
        long[][] answers = new long[nodes.length][];
        long[] unlisted = Arrays.stream(nodes).filter(x -> !listed(x)).distinct().sorted().toArray();
        long[][] scanned = unlisted.length == 0 ? new long[0][] : scan(unlisted, limit, retained);
        for (int i = 0; i < nodes.length; i++) {
            long s = slot(nodes[i]);
            if (s < 0) {
                answers[i] = scanned[Arrays.binarySearch(unlisted, nodes[i])];
                continue;
            }
            TopChildren top = new TopChildren(limit, retained);
            for (long k = start.getAtIndex(ValueLayout.JAVA_LONG, s), end = start.getAtIndex(ValueLayout.JAVA_LONG, s + 1); k < end; k++) {
                top.offer(children.get(k));
            }
            answers[i] = top.largestFirst();
        }
        return answers;
    }

    /**
     * The children of {@code sortedParents}, one array per parent: ascending by ordinal when {@code retained}
     * is null, else the {@code limit} largest, largest first. Each thread scans a range of objects; their
     * findings are joined in range order.
     */
    private long[][] scan(long[] sortedParents, int limit, LongUnaryOperator retained) {
        Workers threads = workers.get();
        int parts = threads.threads();
        long low = sortedParents[0];
        long high = sortedParents[sortedParents.length - 1];
        TopChildren[][] found = new TopChildren[parts][sortedParents.length];
        threads.run(parts, part -> {
            TopChildren[] mine = found[part];
            for (int i = 0; i < mine.length; i++) mine[i] = new TopChildren(limit, retained);
            for (long x = Workers.split(nodeCount, parts, part, 1), to = Workers.split(nodeCount, parts, part + 1, 1); x < to; x++) {
                long d = DominatorFile.decodeIdom(idom.get(x), nodeCount);
                if (d < low || d > high) continue;
                int at = sortedParents.length == 1 ? 0 : Arrays.binarySearch(sortedParents, d);
                if (at >= 0) mine[at].offer(x);
            }
        });
        long[][] result = new long[sortedParents.length][];
        for (int i = 0; i < sortedParents.length; i++) {
            TopChildren all = found[0][i];
            for (int p = 1; p < parts; p++) all.addAll(found[p][i]);
            result[i] = all.largestFirst();
        }
        return result;
    }

    /**
     * Children gathered for one parent: all of them in the order offered (without a ranking), or the
     * {@code limit} largest in a min-heap (with one).
     */
    static final class TopChildren {
        private final int limit;
        private final LongUnaryOperator retained;
        private long[] items = new long[8];
        private int size;

        TopChildren(int limit, LongUnaryOperator retained) {
            this.limit = limit;
            this.retained = retained;
        }

        void offer(long child) {
            if (retained == null) {
                if (size == items.length) items = Arrays.copyOf(items, size * 2);
                items[size++] = child;
            } else if (size < limit) {
                if (size == items.length) items = Arrays.copyOf(items, Math.min(limit, size * 2));
                items[size++] = child;
                siftUp(size - 1);
            } else if (limit > 0 && before(child, items[0])) {
                items[0] = child;
                siftDown(size);
            }
        }

        void addAll(TopChildren other) {
            for (int i = 0; i < other.size; i++) offer(other.items[i]);
        }

        /** Without a ranking: as offered. With one: largest first (the heap emptied in place). */
        long[] largestFirst() {
            if (retained == null) return Arrays.copyOf(items, size);
            long[] sorted = new long[size];
            for (int i = size - 1; i >= 0; i--) {
                sorted[i] = items[0];
                items[0] = items[i];
                siftDown(i);
            }
            size = 0;
            return sorted;
        }

        /** Whether {@code a} ranks before {@code b}: more retained, then lower ordinal. */
        private boolean before(long a, long b) {
            long ra = retained.applyAsLong(a);
            long rb = retained.applyAsLong(b);
            return ra != rb ? ra > rb : a < b;
        }

        private void siftUp(int i) {
            while (i > 0) {
                int p = (i - 1) / 2;
                if (!before(items[p], items[i])) break;
                swap(p, i);
                i = p;
            }
        }

        private void siftDown(int heapSize) {
            int i = 0;
            while (true) {
                int l = 2 * i + 1;
                int r = l + 1;
                int worst = i;
                if (l < heapSize && before(items[worst], items[l])) worst = l;
                if (r < heapSize && before(items[worst], items[r])) worst = r;
                if (worst == i) return;
                swap(worst, i);
                i = worst;
            }
        }

        private void swap(int a, int b) {
            long t = items[a];
            items[a] = items[b];
            items[b] = t;
        }
    }
}
