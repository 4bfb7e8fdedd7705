package org.hprofdiff.index.graph.offheap;

import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.lang.foreign.ValueLayout;

/**
 * An off-heap array of node numbers (object ordinals, pre-order numbers, edge targets). Four bytes an
 * entry while every value fits in an unsigned 32-bit number, eight bytes beyond: a dump with more than
 * 4 billion objects switches to {@link Wide} instead of overflowing. Indexes are always 64-bit.
 */
public sealed interface NodeArray extends AutoCloseable permits NodeArray.Narrow, NodeArray.Wide {
    /** Largest value a narrow array holds. */
    long NARROW_MAX = 0xFFFF_FFFFL;

    /** Whether values up to {@code maxValue} need eight bytes. */
    static boolean needsWide(long maxValue) {
        return maxValue > NARROW_MAX;
    }

    static long bytesPerEntry(boolean wide) {
        return wide ? Long.BYTES : Integer.BYTES;
    }

    /** A view over {@code segment}; {@code owner} (may be null) is released by {@link #close()}. */
    static NodeArray over(MemorySegment segment, long length, boolean wide, AutoCloseable owner) {
        return wide ? new Wide(segment, length, owner) : new Narrow(segment, length, owner);
    }

    long length();

    long get(long index);

    void set(long index, long value);

    void fill(long value);

    /** The scratch file this array maps from its first byte, or null when it is native memory. */
    FileChannel file();

    @Override
    void close();

    private static FileChannel fileOf(AutoCloseable owner) {
        return owner instanceof Scratch.Allocation a ? a.file() : null;
    }

    final class Narrow implements NodeArray {
        private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
        private final MemorySegment segment;
        private final long length;
        private final AutoCloseable owner;

        Narrow(MemorySegment segment, long length, AutoCloseable owner) {
            this.segment = segment.asSlice(0, length * Integer.BYTES);
            this.length = length;
            this.owner = owner;
        }

        @Override public long length() { return length; }

        @Override public long get(long index) { return Integer.toUnsignedLong(segment.getAtIndex(INT, index)); }

        @Override public void set(long index, long value) { segment.setAtIndex(INT, index, (int) value); }

        @Override public void fill(long value) {
            if (value == 0) segment.fill((byte) 0);
            else for (long i = 0; i < length; i++) segment.setAtIndex(INT, i, (int) value);
        }

        @Override public FileChannel file() { return NodeArray.fileOf(owner); }

        @Override public void close() { Closing.quietly(owner); }
    }

    final class Wide implements NodeArray {
        private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
        private final MemorySegment segment;
        private final long length;
        private final AutoCloseable owner;

        Wide(MemorySegment segment, long length, AutoCloseable owner) {
            this.segment = segment.asSlice(0, length * Long.BYTES);
            this.length = length;
            this.owner = owner;
        }

        @Override public long length() { return length; }

        @Override public long get(long index) { return segment.getAtIndex(LONG, index); }

        @Override public void set(long index, long value) { segment.setAtIndex(LONG, index, value); }

        @Override public void fill(long value) {
            if (value == 0) segment.fill((byte) 0);
            else for (long i = 0; i < length; i++) segment.setAtIndex(LONG, i, value);
        }

        @Override public FileChannel file() { return NodeArray.fileOf(owner); }

        @Override public void close() { Closing.quietly(owner); }
    }
}
