package org.hprofdiff.index.graph.offheap;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** An off-heap array of longs with 64-bit indexes (sizes, edge offsets, counters). */
public final class LongArray implements AutoCloseable {
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
    private final MemorySegment segment;
    private final long length;
    private final AutoCloseable owner;

    public LongArray(MemorySegment segment, long length, AutoCloseable owner) {
        this.segment = segment.asSlice(0, length * Long.BYTES);
        this.length = length;
        this.owner = owner;
    }

    public long length() { return length; }

    /** Where the array starts in memory (to tell allocations apart). */
    public long address() { return segment.address(); }

    public long get(long index) { return segment.getAtIndex(LONG, index); }

    public void set(long index, long value) { segment.setAtIndex(LONG, index, value); }

    public void add(long index, long delta) { segment.setAtIndex(LONG, index, segment.getAtIndex(LONG, index) + delta); }

    /** Copies the first {@code count} values into {@code to}, in one bulk copy. */
    public void copyTo(LongArray to, long count) {
        MemorySegment.copy(segment, 0, to.segment, 0, count * Long.BYTES);
    }

    public void fill(long value) {
        if (value == 0) segment.fill((byte) 0);
        else for (long i = 0; i < length; i++) segment.setAtIndex(LONG, i, value);
    }

    @Override
    public void close() { Closing.quietly(owner); }
}
