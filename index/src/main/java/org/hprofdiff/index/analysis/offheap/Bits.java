package org.hprofdiff.index.analysis.offheap;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** An off-heap bit set with 64-bit indexes, one bit per node. */
public final class Bits implements AutoCloseable {
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
    private final MemorySegment words;
    private final long length;
    private final AutoCloseable owner;

    Bits(MemorySegment words, long length, AutoCloseable owner) {
        this.words = words;
        this.length = length;
        this.owner = owner;
    }

    public long length() { return length; }

    public boolean get(long index) {
        return (words.getAtIndex(LONG, index >>> 6) & (1L << index)) != 0;
    }

    public void set(long index) {
        long w = index >>> 6;
        words.setAtIndex(LONG, w, words.getAtIndex(LONG, w) | (1L << index));
    }

    @Override
    public void close() { Closing.quietly(owner); }
}
