package org.hprofdiff.index.table;

import java.lang.foreign.MemorySegment;
import java.util.function.LongConsumer;
import org.hprofdiff.index.store.BlockOffsets;
import org.hprofdiff.index.store.PackedColumn;

/**
 * One direction of the object graph in compressed sparse rows: the edges of ordinal {@code o} are
 * {@code target(start(o)) .. target(end(o) - 1)}. Offsets are 64-bit values; iterate with primitives
 * to allocate nothing:
 * <pre>{@code for (long i = out.start(o), e = out.end(o); i < e; i++) visit(out.target(i)); }</pre>
 */
public final class Edges {
    private final BlockOffsets offsets;
    private final PackedColumn targets;

    public Edges(BlockOffsets offsets, PackedColumn targets) {
        this.offsets = offsets;
        this.targets = targets;
    }

    public long start(long ordinal) { return offsets.get(ordinal); }

    public long end(long ordinal) { return offsets.get(ordinal + 1); }

    public long degree(long ordinal) { return end(ordinal) - start(ordinal); }

    /** The other end of edge {@code i} (an ordinal). */
    public long target(long i) { return targets.get(i); }

    /** The row starts (for passes that walk every edge in order, as the transpose does). */
    public BlockOffsets offsets() { return offsets; }

    /** The edges' other ends, in edge order. */
    public PackedColumn targets() { return targets; }

    /** Bytes {@link #copiedInto} copies. */
    public long bytesToCopy() { return offsets.bytesToCopy() + targets.fileBytes(); }

    /** The same edges read from copies of their columns in {@code memory} (at least {@link #bytesToCopy()} long). */
    public Edges copiedInto(MemorySegment memory) {
        long at = offsets.bytesToCopy();
        return new Edges(offsets.copiedInto(memory), targets.copiedInto(memory.asSlice(at, targets.fileBytes())));
    }

    /** Number of edges. */
    public long count() { return targets.length(); }

    public void forEach(long ordinal, LongConsumer consumer) {
        for (long i = start(ordinal), e = end(ordinal); i < e; i++) consumer.accept(targets.get(i));
    }
}
