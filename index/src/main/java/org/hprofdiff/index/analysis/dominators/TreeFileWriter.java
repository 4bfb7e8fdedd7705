package org.hprofdiff.index.analysis.dominators;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.EnumMap;
import org.hprofdiff.index.analysis.ObjectGraph;
import org.hprofdiff.index.analysis.Workers;
import org.hprofdiff.index.analysis.offheap.LongArray;
import org.hprofdiff.index.analysis.offheap.LongStack;
import org.hprofdiff.index.analysis.offheap.NodeArray;
import org.hprofdiff.index.analysis.offheap.PackedArray;
import org.hprofdiff.index.analysis.offheap.Scratch;

/**
 * Writes the object-ordinal sections of a stored dominator tree ({@link DominatorFile}) from its pre-order
 * form. Every pass goes through the objects in ordinal order on all threads, each thread a range: the stored
 * columns are written front to back, and what is read at random (the pre-order arrays) is in memory.
 */
final class TreeFileWriter {
    /** Objects a part starts at a multiple of: 64 objects are 16 whole bytes of 2-bit groups. */
    private static final long ALIGN = 64;
    private static final Reachability[] BY_RANGE = {Reachability.STRONG, Reachability.WEAK, Reachability.UNREACHABLE_KEPT};

    private final ObjectGraph graph;
    private final PreorderNumbering num;
    private final PreorderTree tree;
    private final PreorderTree.ListPlan plan;
    private final DominatorFile layout;
    private final MemorySegment out;
    private final NodeArray preOf;
    private final Workers workers;
    private final Scratch scratch;
    private final long n;

    TreeFileWriter(ObjectGraph graph, PreorderNumbering num, PreorderTree tree, PreorderTree.ListPlan plan, DominatorFile layout,
                   MemorySegment out, NodeArray preOf, Workers workers, Scratch scratch) {
        this.graph = graph;
        this.num = num;
        this.tree = tree;
        this.plan = plan;
        this.layout = layout;
        this.out = out;
        this.preOf = preOf;
        this.workers = workers;
        this.scratch = scratch;
        this.n = layout.nodeCount;
    }

    /** What one thread's range of objects found: overflowing sizes, listed parents, group totals. */
    private record PartResult(LongStack overflow, LongStack listed, long[] objects, long[] bytes) implements AutoCloseable {
        @Override
        public void close() {
            overflow.close();
            listed.close();
        }
    }

    /** Immediate dominators, retained sizes, overflow table, groups and the list directory; returns the group totals. */
    ReachabilitySummary writeColumns(long unitsLimit) {
        PackedArray idomOut = layout.idom(out);
        MemorySegment retainedOut = layout.retained(out);
        MemorySegment reach = layout.reachability(out);
        int shift = layout.shape.retainedShift();
        int parts = workers.threads();
        PartResult[] results = new PartResult[parts];
        try {
            for (int p = 0; p < parts; p++) results[p] = new PartResult(new LongStack(scratch, 64), new LongStack(scratch, 64), new long[4], new long[4]);
            workers.run(parts, part -> {
                PartResult r = results[part];
                for (long node = Workers.split(n, parts, part, ALIGN), to = Workers.split(n, parts, part + 1, ALIGN); node < to; node++) {
                    long p = preOf.get(node);
                    Reachability group;
                    if (p == 0) {
                        idomOut.set(node, n + 1);
                        group = Reachability.UNREACHABLE;
                    } else {
                        long d = tree.idom.get(p);
                        idomOut.set(node, d == 0 ? n : tree.vertex.get(d));
                        long retained = tree.retained.get(p);
                        if (!RetainedSizes.put(retainedOut, node, retained, shift, unitsLimit)) {
                            r.overflow.push(node);
                            r.overflow.push(retained);
                        }
                        if (plan.listed(retained, tree.hasChildren.get(p))) r.listed.push(node);
                        group = BY_RANGE[num.rangeOf(p)];
                    }
                    long at = node >>> 2;
                    int bits = (int) (node & 3) * 2;
                    reach.set(ValueLayout.JAVA_BYTE, at, (byte) (reach.get(ValueLayout.JAVA_BYTE, at) | group.code() << bits));
                    r.objects[group.ordinal()]++;
                    r.bytes[group.ordinal()] += graph.shallowSize(node);
                }
            });
            MemorySegment overflow = layout.overflow(out);
            long pairs = 0;
            for (PartResult r : results) {
                for (long i = 0; i < r.overflow.size(); i++) overflow.setAtIndex(ValueLayout.JAVA_LONG, pairs++, r.overflow.get(i));
            }
            check(pairs / 2, layout.shape.overflowCount(), "overflowing retained sizes");
            MemorySegment parents = layout.listParents(out);
            long listed = 0;
            for (PartResult r : results) {
                for (long i = 0; i < r.listed.size(); i++) parents.setAtIndex(ValueLayout.JAVA_LONG, listed++, r.listed.get(i));
            }
            check(listed, plan.parents(), "objects with listed children");
            parents.setAtIndex(ValueLayout.JAVA_LONG, listed, n); // the virtual root, last
            EnumMap<Reachability, ReachabilitySummary.Totals> groups = new EnumMap<>(Reachability.class);
            for (Reachability g : Reachability.values()) {
                long objects = 0;
                long bytes = 0;
                for (PartResult r : results) {
                    objects += r.objects[g.ordinal()];
                    bytes += r.bytes[g.ordinal()];
                }
                groups.put(g, new ReachabilitySummary.Totals(objects, bytes));
            }
            return new ReachabilitySummary(groups);
        } finally {
            for (PartResult r : results) if (r != null) r.close();
        }
    }

    /**
     * The child lists of the listed parents, ascending by ordinal: one pass counts each list's length per
     * thread, the offsets follow (thread 0's children of a parent before thread 1's), a second pass fills.
     */
    void writeChildLists() {
        long lists = layout.shape.listCount();
        MemorySegment parents = layout.listParents(out);
        MemorySegment start = layout.listStart(out);
        PackedArray children = layout.listChildren(out);
        int parts = workers.threads();
        LongArray[] next = new LongArray[parts];
        try {
            for (int p = 0; p < parts; p++) next[p] = scratch.longs(lists);
            workers.run(parts, part -> forEachListedChild(part, parts, parents, lists, (slot, child) -> next[part].add(slot, 1)));
            long at = 0;
            for (long slot = 0; slot < lists; slot++) {
                start.setAtIndex(ValueLayout.JAVA_LONG, slot, at);
                for (int p = 0; p < parts; p++) {
                    long c = next[p].get(slot);
                    next[p].set(slot, at);
                    at += c;
                }
            }
            start.setAtIndex(ValueLayout.JAVA_LONG, lists, at);
            check(at, layout.shape.listedChildren(), "listed children");
            workers.run(parts, part -> forEachListedChild(part, parts, parents, lists, (slot, child) -> {
                long i = next[part].get(slot);
                next[part].set(slot, i + 1);
                children.set(i, child);
            }));
        } finally {
            for (LongArray a : next) if (a != null) a.close();
        }
    }

    private interface ListedChild {
        void accept(long slot, long child);
    }

    private void forEachListedChild(int part, int parts, MemorySegment parents, long lists, ListedChild action) {
        long rootSlot = lists - 1;
        for (long node = Workers.split(n, parts, part, 1), to = Workers.split(n, parts, part + 1, 1); node < to; node++) {
            long p = preOf.get(node);
            if (p == 0) continue;
            long d = tree.idom.get(p);
            if (d == 0) {
                action.accept(rootSlot, node);
            } else if (plan.listed(tree.retained.get(d), true)) {
                action.accept(slotOf(parents, rootSlot, tree.vertex.get(d)), node);
            }
        }
    }

    /** The index of {@code parent} in the ascending directory of its first {@code size} entries. */
    static long slotOf(MemorySegment parents, long size, long parent) {
        long lo = 0;
        long hi = size - 1;
        while (lo <= hi) {
            long mid = (lo + hi) >>> 1;
            long v = parents.getAtIndex(ValueLayout.JAVA_LONG, mid);
            if (v < parent) lo = mid + 1;
            else if (v > parent) hi = mid - 1;
            else return mid;
        }
        return -1;
    }

    private static void check(long found, long planned, String what) {
        if (found != planned) throw new IllegalStateException(what + ": planned " + planned + ", found " + found);
    }
}
