package org.hprofdiff.index.graph.dominators;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.EnumMap;
import org.hprofdiff.index.graph.Workers;
import org.hprofdiff.index.graph.offheap.Bits;
import org.hprofdiff.index.graph.offheap.LongArray;
import org.hprofdiff.index.graph.offheap.LongStack;
import org.hprofdiff.index.graph.offheap.OutputFile;
import org.hprofdiff.index.graph.offheap.PackedArray;
import org.hprofdiff.index.graph.offheap.PairSort;
import org.hprofdiff.index.graph.offheap.Scratch;
import org.hprofdiff.index.graph.offheap.StagedSection;

/**
 * Writes the object-ordinal sections of a stored dominator tree ({@link DominatorFile}) from its pre-order
 * form, on all threads. The columns are filled in pre-order, each thread a range: what is read comes front to
 * back, and each object's entries are stored where its ordinal says (a store does not wait for memory as a
 * load does). Objects outside the tree are not visited: a fresh file reads as "not in the tree" everywhere.
 * The objects whose children are listed are marked in a bit set by ordinal, which then gives the sorted list
 * directory and, by counting bits, each listed parent's slot without a search.
 */
final class TreeFileWriter implements AutoCloseable {
    private static final Reachability[] BY_RANGE = {Reachability.STRONG, Reachability.WEAK, Reachability.UNREACHABLE_KEPT};

    private final PreorderNumbering num;
    private final PreorderTree tree;
    private final PreorderTree.ListPlan plan;
    private final DominatorFile layout;
    private final OutputFile output;
    private final MemorySegment out;
    private final Workers workers;
    private final Scratch scratch;
    private final long n;
    /** By ordinal: objects whose children are listed (the virtual root aside). */
    private final Bits listed;
    /** Per 64 ordinals: listed objects before them, so that a listed object's slot is a count of bits. */
    private LongArray listedBefore;

    TreeFileWriter(PreorderNumbering num, PreorderTree tree, PreorderTree.ListPlan plan, DominatorFile layout, OutputFile output,
                   Workers workers, Scratch scratch) {
        this.num = num;
        this.tree = tree;
        this.plan = plan;
        this.layout = layout;
        this.output = output;
        this.out = output.mapping();
        this.workers = workers;
        this.scratch = scratch;
        this.n = layout.nodeCount;
        this.listed = scratch.bits(n);
    }

    /** Immediate dominators, retained sizes, overflow table, groups and the list directory; returns the group totals. */
    ReachabilitySummary writeColumns(long unitsLimit) throws IOException {
        int shift = layout.shape.retainedShift();
        long count = tree.count;
        int parts = workers.threads();
        LongStack[] overflow = new LongStack[parts];
        try (StagedSection idomColumn = StagedSection.of(output, layout.idomSection(out), scratch);
             StagedSection retainedColumn = StagedSection.of(output, layout.retained(out), scratch)) {
            PackedArray idomOut = layout.idomOver(idomColumn.segment());
            MemorySegment retainedOut = retainedColumn.segment();
            for (int p = 0; p < parts; p++) overflow[p] = new LongStack(scratch, 64);
            workers.run(parts, part -> {
                for (long p = Math.max(1, Workers.split(count, parts, part, 1)), to = Workers.split(count, parts, part + 1, 1); p < to; p++) {
                    long node = tree.vertex.get(p);
                    long d = tree.idom.get(p);
                    idomOut.set(node, DominatorFile.encodeIdom(d == 0 ? n : tree.vertex.get(d)));
                    long retained = tree.retained.get(p);
                    if (!RetainedSizes.put(retainedOut, node, BY_RANGE[num.rangeOf(p)], retained, shift, unitsLimit)) {
                        overflow[part].push(node);
                        overflow[part].push(retained);
                    }
                    if (plan.listed(retained, tree.hasChildren.get(p))) listed.setAtomic(node);
                }
            });
            idomColumn.copyToFile(workers);
            retainedColumn.copyToFile(workers);
            writeOverflow(overflow);
        } finally {
            for (LongStack s : overflow) if (s != null) s.close();
        }
        writeDirectory();
        return summary();
    }

    /** The overflow table, sorted by ordinal. */
    private void writeOverflow(LongStack[] byPart) {
        long pairs = layout.shape.overflowCount();
        long found = 0;
        for (LongStack s : byPart) found += s.size() / 2;
        check(found, pairs, "overflowing retained sizes");
        if (pairs == 0) return;
        try (LongArray table = scratch.longs(2 * pairs)) {
            long at = 0;
            for (LongStack s : byPart) for (long i = 0; i < s.size(); i++) table.set(at++, s.get(i));
            PairSort.byKey(table, pairs, n - 1, scratch);
            MemorySegment target = layout.overflow(out);
            for (long i = 0; i < 2 * pairs; i++) target.setAtIndex(ValueLayout.JAVA_LONG, i, table.get(i));
        }
    }

    /** The listed parents in ascending order, the virtual root last, and the bit counts that give their slots. */
    private void writeDirectory() {
        long words = listed.wordCount();
        listedBefore = scratch.longs(words + 1);
        for (long w = 0; w < words; w++) listedBefore.set(w + 1, listedBefore.get(w) + Long.bitCount(listed.word(w)));
        long total = listedBefore.get(words);
        check(total, plan.parents(), "objects with listed children");
        MemorySegment parents = layout.listParents(out);
        int parts = workers.threads();
        workers.run(parts, part -> {
            for (long w = Workers.split(words, parts, part, 1), to = Workers.split(words, parts, part + 1, 1); w < to; w++) {
                long bits = listed.word(w);
                long slot = listedBefore.get(w);
                while (bits != 0) {
                    parents.setAtIndex(ValueLayout.JAVA_LONG, slot++, (w << 6) + Long.numberOfTrailingZeros(bits));
                    bits &= bits - 1;
                }
            }
        });
        parents.setAtIndex(ValueLayout.JAVA_LONG, total, n); // the virtual root, last
    }

    private ReachabilitySummary summary() {
        long[] ends = {num.endStrong, num.endWeak, tree.count};
        EnumMap<Reachability, ReachabilitySummary.Totals> groups = new EnumMap<>(Reachability.class);
        long inTree = 0;
        long inTreeBytes = 0;
        long start = 1;
        for (int r = 0; r < BY_RANGE.length; r++) {
            long objects = ends[r] - start;
            groups.put(BY_RANGE[r], new ReachabilitySummary.Totals(objects, tree.rangeBytes[r]));
            inTree += objects;
            inTreeBytes += tree.rangeBytes[r];
            start = ends[r];
        }
        groups.put(Reachability.UNREACHABLE, new ReachabilitySummary.Totals(n - inTree, tree.allBytes - inTreeBytes));
        return new ReachabilitySummary(groups);
    }

    /**
     * The child lists of the listed parents, ascending by ordinal: one pass counts each list's length per
     * thread, the offsets follow (thread 0's children of a parent before thread 1's), a second pass fills.
     */
    void writeChildLists() {
        long lists = layout.shape.listCount();
        MemorySegment start = layout.listStart(out);
        PackedArray children = layout.listChildren(out);
        int parts = workers.threads();
        LongArray[] next = new LongArray[parts];
        try {
            for (int p = 0; p < parts; p++) next[p] = scratch.longs(lists);
            workers.run(parts, part -> forEachListedChild(part, parts, lists, (slot, child) -> next[part].add(slot, 1)));
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
            workers.run(parts, part -> forEachListedChild(part, parts, lists, (slot, child) -> {
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

    private void forEachListedChild(int part, int parts, long lists, ListedChild action) {
        PackedArray idomOut = layout.idom(out);
        long rootSlot = lists - 1;
        for (long node = Workers.split(n, parts, part, 1), to = Workers.split(n, parts, part + 1, 1); node < to; node++) {
            long d = DominatorFile.decodeIdom(idomOut.get(node), n);
            if (d == n) {
                action.accept(rootSlot, node);
            } else if (d < n && listed.get(d)) {
                long w = d >>> 6;
                action.accept(listedBefore.get(w) + Long.bitCount(listed.word(w) & ((1L << d) - 1)), node);
            }
        }
    }

    private static void check(long found, long planned, String what) {
        if (found != planned) throw new IllegalStateException(what + ": planned " + planned + ", found " + found);
    }

    @Override
    public void close() {
        listed.close();
        if (listedBefore != null) listedBefore.close();
    }
}
