package org.hprofdiff.index.analysis.dominators;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.IntUnaryOperator;
import org.hprofdiff.index.analysis.ObjectGraph;
import org.hprofdiff.index.analysis.References;
import org.hprofdiff.index.analysis.offheap.LongArray;
import org.hprofdiff.index.analysis.offheap.NodeArray;
import org.hprofdiff.index.analysis.offheap.Scratch;

/**
 * A dump's dominator tree with retained sizes, as stored by {@link Dominators#compute}: mapped, read-only
 * after it is built, reused by every later command. Node arguments are object ordinals; {@link #virtualRoot()}
 * stands for the root above all GC roots.
 */
public final class DominatorTree implements AutoCloseable {
    private final Arena arena;
    private final DominatorFile layout;
    private final NodeArray idom;
    private final LongArray retained;
    private final MemorySegment reachability;
    private final LongArray childStart;
    private final NodeArray children;
    private final MemorySegment classRetained;
    private final ReachabilitySummary summary;
    private final int flags;

    DominatorTree(Arena arena, MemorySegment file, DominatorFile layout) {
        this.arena = arena;
        this.layout = layout;
        long n = layout.nodeCount;
        long entry = NodeArray.bytesPerEntry(layout.wide);
        idom = NodeArray.over(file.asSlice(layout.idomAt, n * entry), n, layout.wide, null);
        retained = new LongArray(file.asSlice(layout.retainedAt, (n + 1) * 8), n + 1, null);
        reachability = file.asSlice(layout.reachabilityAt, n);
        childStart = new LongArray(file.asSlice(layout.childStartAt, (n + 2) * 8), n + 2, null);
        children = NodeArray.over(file.asSlice(layout.childrenAt, layout.treeSize * entry), layout.treeSize, layout.wide, null);
        classRetained = file.asSlice(layout.classRetainedAt, layout.classCount * 8);
        summary = DominatorFile.summary(file);
        flags = DominatorFile.flags(file);
    }

    /** Opens a stored tree; a missing, truncated or foreign file is an IOException naming file and offset. */
    public static DominatorTree open(Path file) throws IOException {
        Arena arena = Arena.ofShared();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            MemorySegment seg = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena);
            return new DominatorTree(arena, seg, DominatorFile.readHeader(file, seg));
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    public long nodeCount() { return layout.nodeCount; }

    /** The virtual root's node number: {@code nodeCount()}. */
    public long virtualRoot() { return layout.nodeCount; }

    /** What {@link #immediateDominator} answers for objects not in the tree: {@code nodeCount() + 1}. */
    public long notInTree() { return layout.nodeCount + 1; }

    public References references() {
        return (flags & DominatorFile.FLAG_ALL_REFERENCES) != 0 ? References.ALL : References.STRONG;
    }

    public boolean keepsUnreachable() { return (flags & DominatorFile.FLAG_KEEP_UNREACHABLE) != 0; }

    /** Immediate dominator: an object, {@link #virtualRoot()}, or {@link #notInTree()}. */
    public long immediateDominator(long node) { return idom.get(node); }

    /** Retained bytes of an object (0 when not in the tree), or of the whole tree for {@link #virtualRoot()}. */
    public long retainedSize(long node) { return retained.get(node); }

    public Reachability reachability(long node) { return Reachability.ofCode(reachability.get(ValueLayout.JAVA_BYTE, node)); }

    /** Number of objects whose immediate dominator is {@code node} (an object or the virtual root). */
    public long childCount(long node) { return childStart.get(node + 1) - childStart.get(node); }

    /** The {@code i}-th object {@code node} immediately dominates, in ascending ordinal order. */
    public long child(long node, long i) { return children.get(childStart.get(node) + i); }

    /** Up to {@code limit} children of {@code node} with the largest retained sizes, largest first (ties: lower ordinal). */
    public long[] largestChildren(long node, int limit) {
        long from = childStart.get(node);
        long count = childStart.get(node + 1) - from;
        int k = (int) Math.min(limit, count);
        long[] best = new long[k];
        int size = 0;
        for (long i = 0; i < count; i++) {
            long c = children.get(from + i);
            if (size < k) {
                best[size++] = c;
                siftUp(best, size - 1);
            } else if (k > 0 && before(c, best[0])) {
                best[0] = c;
                siftDown(best, k);
            }
        }
        // best is a min-heap by the ranking; sort it largest first
        long[] sorted = new long[size];
        for (int i = size - 1; i >= 0; i--) {
            sorted[i] = best[0];
            best[0] = best[i];
            siftDown(best, i);
        }
        return sorted;
    }

    /** Whether {@code a} ranks before {@code b}: more retained, then lower ordinal. */
    private boolean before(long a, long b) {
        long ra = retained.get(a);
        long rb = retained.get(b);
        return ra != rb ? ra > rb : a < b;
    }

    private void siftUp(long[] heap, int i) {
        while (i > 0) {
            int p = (i - 1) / 2;
            if (!before(heap[p], heap[i])) break;
            long t = heap[p]; heap[p] = heap[i]; heap[i] = t;
            i = p;
        }
    }

    private void siftDown(long[] heap, int size) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int worst = i;
            if (l < size && before(heap[worst], heap[l])) worst = l;
            if (r < size && before(heap[worst], heap[r])) worst = r;
            if (worst == i) return;
            long t = heap[worst]; heap[worst] = heap[i]; heap[i] = t;
            i = worst;
        }
    }

    /**
     * MAT's class-level retained size: the retained bytes of the class's instances that no other instance
     * of the same class dominates (so nested instances are not counted twice).
     */
    public long classRetained(int classIndex) {
        return classRetained.getAtIndex(ValueLayout.JAVA_LONG, classIndex);
    }

    public ReachabilitySummary summary() { return summary; }

    /**
     * Visits every object in the tree depth first: {@link TreeVisitor#enter} before the objects it dominates,
     * {@link TreeVisitor#exit} after them (the virtual root itself is not visited). No recursion: the walk's stack
     * is off-heap, as deep as the tree.
     */
    public void walk(Scratch scratch, TreeVisitor visitor) {
        TreeWalk.below(virtualRoot(), childStart, children, layout.treeSize, scratch, visitor);
    }

    /**
     * Retained bytes per group of classes (a package, a class loader, ...): the retained bytes of objects in
     * the group that no other object of the same group dominates. One walk over the whole tree.
     */
    public long[] retainedByGroup(ObjectGraph graph, IntUnaryOperator groupOfClass, int groupCount, Scratch scratch) {
        return retainedByGroup(graph, groupOfClass, groupCount, retained, childStart, children, layout.treeSize, scratch);
    }

    static long[] retainedByGroup(ObjectGraph graph, IntUnaryOperator groupOfClass, int groupCount, LongArray retained,
                                  LongArray childStart, NodeArray children, long treeSize, Scratch scratch) {
        long[] sums = new long[groupCount];
        int[] open = new int[groupCount];
        long root = childStart.length() - 2;
        TreeWalk.below(root, childStart, children, treeSize, scratch, new TreeVisitor() {
            @Override public void enter(long node) {
                int g = groupOfClass.applyAsInt(graph.classIndex(node));
                if (g < 0) return;
                if (open[g]++ == 0) sums[g] += retained.get(node);
            }

            @Override public void exit(long node) {
                int g = groupOfClass.applyAsInt(graph.classIndex(node));
                if (g >= 0) open[g]--;
            }
        });
        return sums;
    }

    @Override
    public void close() {
        arena.close();
    }
}
