package org.hprofdiff.index.graph.offheap;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Unsigned numbers of {@code width} bytes each (1 to 8), little-endian, over a segment: stored columns use
 * the width their largest value needs (an object ordinal of a 700-million-object dump: 4 bytes; past 4
 * billion: 5), not 4 or 8. A read is one unaligned 8-byte load and a mask, so the segment must extend at
 * least 7 bytes past the last entry ({@link #bytes} includes that slack). A write stores exactly
 * {@code width} bytes, so threads may write neighbouring entries at the same time.
 */
public final class PackedArray {
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN);

    private final MemorySegment segment;
    private final long length;
    private final int width;
    private final long mask;

    public PackedArray(MemorySegment segment, long length, int width) {
        if (width < 1 || width > 8) throw new IllegalArgumentException("width " + width);
        if (segment.byteSize() < bytes(length, width)) {
            throw new IllegalArgumentException(length + " entries of " + width + " bytes need " + bytes(length, width) + " bytes, not " + segment.byteSize());
        }
        this.segment = segment;
        this.length = length;
        this.width = width;
        this.mask = width == 8 ? -1L : (1L << (8 * width)) - 1;
    }

    /** Bytes of segment {@code length} entries of {@code width} bytes need, the read slack included. */
    public static long bytes(long length, int width) {
        return length * width + Long.BYTES - 1;
    }

    /** Bytes needed per entry so that every value in [0, maxValue] fits. */
    public static int widthFor(long maxValue) {
        if (maxValue < 0) return 8;
        return Math.max(1, (64 - Long.numberOfLeadingZeros(maxValue) + 7) / 8);
    }

    public long length() { return length; }

    public int width() { return width; }

    public long get(long index) {
        return segment.get(LONG, index * width) & mask;
    }

    public void set(long index, long value) {
        long at = index * width;
        switch (width) {
            case 8 -> segment.set(LONG, at, value);
            case 4 -> segment.set(INT, at, (int) value);
            case 2 -> segment.set(SHORT, at, (short) value);
            case 1 -> segment.set(ValueLayout.JAVA_BYTE, at, (byte) value);
            default -> {
                for (int b = 0; b < width; b++) segment.set(ValueLayout.JAVA_BYTE, at + b, (byte) (value >>> (8 * b)));
            }
        }
    }
}
