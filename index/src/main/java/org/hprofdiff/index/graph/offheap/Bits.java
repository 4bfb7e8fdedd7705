package org.hprofdiff.index.graph.offheap;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/** An off-heap bit set with 64-bit indexes, one bit per node. */
public final class Bits implements AutoCloseable {
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
    private static final VarHandle ATOMIC = LONG.varHandle();
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

    /** Sets a bit while other threads may set others in the same word. */
    public void setAtomic(long index) {
        ATOMIC.getAndBitwiseOr(words, (index >>> 6) * Long.BYTES, 1L << index);
    }

    /** Number of 64-bit words: bits {@code 64 w .. 64 w + 63} are word {@code w}, lowest bit first. */
    public long wordCount() { return (length + 63) >>> 6; }

    public long word(long w) { return words.getAtIndex(LONG, w); }

    @Override
    public void close() { Closing.quietly(owner); }
}
