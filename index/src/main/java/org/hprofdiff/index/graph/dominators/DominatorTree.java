package org.hprofdiff.index.graph.dominators;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.hprofdiff.index.graph.ObjectGraph;
import org.hprofdiff.index.graph.References;
import org.hprofdiff.index.graph.Workers;
import org.hprofdiff.index.graph.offheap.Bits;
import org.hprofdiff.index.graph.offheap.NodeArray;
import org.hprofdiff.index.graph.offheap.PackedArray;
import org.hprofdiff.index.graph.offheap.Scratch;

/**
 * A dump's dominator tree with retained sizes, as stored by {@link Dominators#compute}: mapped, read-only
 * after it is built, reused by every later command. Node arguments are object ordinals; {@link #virtualRoot()}
 * stands for the root above all GC roots. Children are stored for the virtual root and the objects that retain
 * much; asking for the children of another object scans the tree once ({@link ChildLists}).
 */
public final class DominatorTree implements AutoCloseable {
    private final Arena arena;
    private final DominatorFile layout;
    private final PackedArray idom;
    private final RetainedSizes retained;
    private final MemorySegment classRetained;
    private final ChildLists children;
    private Workers workers;
    private final ReachabilitySummary summary;
    private final long rootRetained;
    private final int flags;

    DominatorTree(Arena arena, MemorySegment file, DominatorFile layout) {
        this.arena = arena;
        this.layout = layout;
        this.idom = layout.idom(file);
        this.retained = new RetainedSizes(layout.retained(file), layout.overflow(file), layout.shape.overflowCount(), layout.shape.retainedShift());
        this.classRetained = layout.classRetained(file);
        this.children = new ChildLists(idom, layout.nodeCount, layout.listParents(file), layout.listStart(file), layout.listChildren(file),
                this::workers);
        this.summary = DominatorFile.summary(file);
        this.rootRetained = DominatorFile.rootRetained(file);
        this.flags = DominatorFile.flags(file);
    }

    /** Threads for the scans, started the first time one is needed. */
    private synchronized Workers workers() {
        if (workers == null) workers = Workers.forMachine();
        return workers;
    }

    /** Opens a stored tree; a missing, truncated, foreign or older file is an IOException naming file and offset. */
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
    public long immediateDominator(long node) { return DominatorFile.decodeIdom(idom.get(node), layout.nodeCount); }

    /** Retained bytes of an object (0 when not in the tree), or of the whole tree for {@link #virtualRoot()}. */
    public long retainedSize(long node) {
        return node == layout.nodeCount ? rootRetained : retained.get(node);
    }

    public Reachability reachability(long node) {
        return retained.reachability(node);
    }

    /** Number of objects whose immediate dominator is {@code node} (an object or the virtual root). */
    public long childCount(long node) { return children.count(node); }

    /**
     * The {@code i}-th object {@code node} immediately dominates, in ascending ordinal order. Cheap for the
     * virtual root and the objects that retain much; for others the first call scans the tree.
     */
    public long child(long node, long i) { return children.child(node, i); }

    /** Up to {@code limit} children of {@code node} with the largest retained sizes, largest first (ties: lower ordinal). */
    public long[] largestChildren(long node, int limit) {
        return largestChildren(new long[] {node}, limit)[0];
    }

    /** {@link #largestChildren(long, int)} for several objects at once: those whose children are not stored share one scan. */
    public long[][] largestChildren(long[] nodes, int limit) {
        return children.largest(nodes, limit, this::retainedSize);
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
     * How the tree is stored: the file's size, the retained size from which children are listed, how many
     * objects (besides the virtual root) have their children listed and how many children that is, and how
     * many retained sizes are in the overflow table.
     */
    public record Storage(long fileBytes, long listThreshold, long listedParents, long listedChildren, long overflowing) {}

    public Storage storage() {
        DominatorFile.Shape s = layout.shape;
        long rootChildren = childCount(virtualRoot());
        return new Storage(layout.fileSize, s.listThreshold(), s.listCount() - 1, s.listedChildren() - rootChildren, s.overflowCount());
    }

    /**
     * Retained bytes per group of classes (a package, a class loader, ...): the retained bytes of objects in
     * the group that no other object of the same group dominates. Builds the whole tree's child lists in
     * {@code scratch} (8 bytes per object), then walks it once; {@link #retainedByGroups} answers several
     * groupings with one walk.
     */
    public long[] retainedByGroup(ObjectGraph graph, IntUnaryOperator groupOfClass, int groupCount, Scratch scratch) {
        return retainedByGroups(graph, List.of(new Grouping(groupOfClass, groupCount)), scratch).getFirst();
    }

    /**
     * {@link #retainedByGroup} for a few groups, without building child lists or walking the tree: one pass over the
     * objects' classes finds each group's objects, and each climbs its dominators until an object of its own group
     * (then it is not counted), the virtual root, or an object climbed past before, whose answer is remembered per
     * group in two sparse bit sets ({@link Scratch#sparseBits}). For the histogram rows that hold several classes
     * (java.lang.Class's class objects and its instances): on a 39.8 GB dump a walk takes about 30 s. Each group
     * costs two bits per object it climbs past, so keep the groups few.
     */
    public long[] retainedByFewGroups(ObjectGraph graph, IntUnaryOperator groupOfClass, int groupCount, Scratch scratch) {
        long n = layout.nodeCount;
        long root = virtualRoot();
        long outside = notInTree();
        int[] groupOf = new int[graph.classCount()];
        for (int c = 0; c < groupOf.length; c++) groupOf[c] = groupOfClass.applyAsInt(c);
        long[] sums = new long[groupCount];
        Bits[] climbed = new Bits[groupCount];
        Bits[] groupAbove = new Bits[groupCount];
        try {
            for (int g = 0; g < groupCount; g++) {
                climbed[g] = scratch.sparseBits(Math.max(1, n));
                groupAbove[g] = scratch.sparseBits(Math.max(1, n));
            }
            for (long x = 0; x < n; x++) {
                int g = groupOf[graph.classIndex(x)];
                if (g < 0 || immediateDominator(x) == outside) continue;
                long start = immediateDominator(x);
                long y = start;
                boolean above;
                while (true) { // is an object of group g at or above y?
                    if (y == root) { above = false; break; }
                    if (climbed[g].get(y)) { above = groupAbove[g].get(y); break; }
                    if (groupOf[graph.classIndex(y)] == g) { above = true; break; }
                    y = immediateDominator(y);
                }
                for (long z = start; z != y; z = immediateDominator(z)) {
                    climbed[g].set(z);
                    if (above) groupAbove[g].set(z);
                }
                if (!above) sums[g] += retainedSize(x);
            }
            return sums;
        } finally {
            for (int g = 0; g < groupCount; g++) {
                if (climbed[g] != null) climbed[g].close();
                if (groupAbove[g] != null) groupAbove[g].close();
            }
        }
    }

    /**
     * A grouping of classes: {@code groupOfClass} maps a class index to its group, {@code 0 .. groupCount-1},
     * or to -1 for classes in no group.
     */
    public record Grouping(IntUnaryOperator groupOfClass, int groupCount) {}

    /** {@link #retainedByGroup} for several groupings at once, in one walk of the tree; one array per grouping. */
    public List<long[]> retainedByGroups(ObjectGraph graph, List<Grouping> groupings, Scratch scratch) {
        int k = groupings.size();
        int[][] groupOf = new int[k][graph.classCount()];
        for (int g = 0; g < k; g++) {
            for (int c = 0; c < graph.classCount(); c++) groupOf[g][c] = groupings.get(g).groupOfClass().applyAsInt(c);
        }
        long[][] sums = new long[k][];
        int[][] open = new int[k][];
        for (int g = 0; g < k; g++) {
            sums[g] = new long[groupings.get(g).groupCount()];
            open[g] = new int[groupings.get(g).groupCount()];
        }
        walk(scratch, new TreeVisitor() {
            @Override public void enter(long node) {
                int c = graph.classIndex(node);
                long retained = -1;
                for (int g = 0; g < k; g++) {
                    int group = groupOf[g][c];
                    if (group < 0 || open[g][group]++ != 0) continue;
                    if (retained < 0) retained = retainedSize(node);
                    sums[g][group] += retained;
                }
            }

            @Override public void exit(long node) {
                int c = graph.classIndex(node);
                for (int g = 0; g < k; g++) {
                    int group = groupOf[g][c];
                    if (group >= 0) open[g][group]--;
                }
            }
        });
        return List.of(sums);
    }

    /**
     * Visits every object in the tree depth first: {@link TreeVisitor#enter} before the objects it dominates,
     * {@link TreeVisitor#exit} after them (the virtual root itself is not visited). The stored tree lists the
     * children of big retainers only, so this builds every object's child list in {@code scratch} first (8 bytes
     * per object); the walk's stack is off-heap too, as deep as the tree.
     */
    public void walk(Scratch scratch, TreeVisitor visitor) {
        long n = layout.nodeCount;
        boolean wide = NodeArray.needsWide(n + 2);
        long treeSize = summary.inTree().objects();
        try (NodeArray start = scratch.nodes(n + 2, wide); NodeArray list = scratch.nodes(Math.max(1, treeSize), wide)) {
            fillChildIndex(start, list);
            TreeWalk.below(n, start, list, treeSize, scratch, visitor);
        }
    }

    /**
     * Every object's children in CSR form, {@code list[start[x] .. start[x+1])}, by a counting sort on one thread
     * (atomic counts on two threads were slower, see {@link PredecessorLists}).
     */
    private void fillChildIndex(NodeArray start, NodeArray list) {
        long n = layout.nodeCount;
        for (long x = 0; x < n; x++) {
            long d = immediateDominator(x);
            if (d <= n) start.set(d + 1, start.get(d + 1) + 1);
        }
        for (long x = 1; x <= n + 1; x++) start.set(x, start.get(x) + start.get(x - 1)); // start[d+1]: end of d's list
        for (long x = n - 1; x >= 0; x--) {
            long d = immediateDominator(x);
            if (d > n) continue;
            long at = start.get(d + 1) - 1;
            list.set(at, x);
            start.set(d + 1, at);
        }
        // start[d+1] fell to the beginning of d's list: move every entry down one
        for (long x = 0; x <= n; x++) start.set(x, start.get(x + 1));
        start.set(n + 1, summary.inTree().objects());
    }

    @Override
    public synchronized void close() {
        if (workers != null) workers.close();
        arena.close();
    }
}
