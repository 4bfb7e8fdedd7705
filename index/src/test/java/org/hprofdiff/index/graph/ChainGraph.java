package org.hprofdiff.index.graph;

import org.hprofdiff.core.format.GcRootKind;

/**
 * A linked list of {@code length} objects defined by formula, with no per-object memory: each object refers
 * to the next one ({@code next}) and, when doubly linked, to the previous one ({@code prev}); the one GC
 * root is the head. {@code descending} numbers the list from the tail, so pre-order and ordinal order
 * differ. Sizes 16, 24, 32 repeating; classes alternate between {@code Even} and {@code Odd}, or are all
 * {@code Node} when {@code oneClass}.
 */
public final class ChainGraph implements ObjectGraph {
    private final long length;
    private final boolean doubly;
    private final boolean descending;
    private final long edges;
    private final boolean oneClass;

    public ChainGraph(long length, boolean doubly, boolean descending) {
        this(length, doubly, descending, false);
    }

    public ChainGraph(long length, boolean doubly, boolean descending, boolean oneClass) {
        this.oneClass = oneClass;
        this.length = length;
        this.doubly = doubly;
        this.descending = descending;
        this.edges = edgesBefore(length);
    }

    /** Position in the list (0 = head) of an ordinal, and back. */
    public long position(long node) { return descending ? length - 1 - node : node; }

    public long nodeAt(long position) { return descending ? length - 1 - position : position; }

    public static long sizeAt(long position) { return 16 + 8 * (position % 3); }

    /** Edges of the positions before {@code position} when laid out head first. */
    private long edgesBefore(long position) {
        return Math.min(position, length - 1) + (doubly ? Math.max(0, position - 1) : 0);
    }

    @Override public long nodeCount() { return length; }
    @Override public long shallowSize(long node) { return sizeAt(position(node)); }
    @Override public int classIndex(long node) { return oneClass ? 0 : (int) (position(node) & 1); }
    @Override public int classCount() { return oneClass ? 1 : 2; }
    @Override public String className(int classIndex) { return oneClass ? "Node" : classIndex == 0 ? "Even" : "Odd"; }
    @Override public int classObjectIndex(long node) { return -1; }

    @Override
    public long firstEdge(long node) {
        return descending ? edges - edgesBefore(length - node) : edgesBefore(node);
    }

    @Override
    public long edgeTarget(long edge) {
        long e = descending ? edges - 1 - edge : edge;
        long p = doubly ? (e + 1) / 2 : e;
        return nodeAt(isNext(e, p) ? p + 1 : p - 1);
    }

    /** Whether head-first edge {@code e} of position {@code p} is the {@code next} reference. */
    private boolean isNext(long e, long p) {
        if (!doubly || p == 0) return true;
        return e == 2 * p - 1 && p < length - 1;
    }

    @Override public boolean isWeakEdge(long edge) { return false; }
    @Override public long rootCount() { return 1; }
    @Override public long rootNode(long root) { return nodeAt(0); }
    @Override public GcRootKind rootKind(long root) { return GcRootKind.STICKY_CLASS; }
    @Override public RootContext rootContext(long root) { return RootContext.NONE; }

    @Override
    public EdgeLabel edgeLabel(long node, long edge) {
        long e = descending ? edges - 1 - edge : edge;
        long p = doubly ? (e + 1) / 2 : e;
        return new EdgeLabel.Field(isNext(e, p) ? "next" : "prev");
    }
}
