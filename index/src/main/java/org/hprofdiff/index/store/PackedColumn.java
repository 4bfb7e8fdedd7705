package org.hprofdiff.index.store;

import java.lang.foreign.MemorySegment;

/**
 * A read-only array of unsigned numbers stored in {@code width} bytes each (1..8, little-endian),
 * the width chosen when the file was written from the largest value it must hold. A value is one
 * unaligned 8-byte load and a mask, whatever the width: the file's footer guarantees the slack
 * after the last element. Nothing here limits counts to 2^31 or values to 2^32.
 */
public final class PackedColumn {
    private final MemorySegment file;
    private final long base;
    private final int width;
    private final long mask;
    private final long length;

    /**
     * @param file   the whole mapped file (header, data, footer)
     * @param width  bytes per element
     * @param length number of elements
     */
    public PackedColumn(MemorySegment file, int width, long length) {
        if (width < 1 || width > 8) throw new IllegalArgumentException("width " + width);
        if (IndexFormat.HEADER_BYTES + length * width + 8 - width > file.byteSize()) {
            throw new IllegalArgumentException(length + " elements of " + width + " bytes do not fit a file of " + file.byteSize() + " bytes");
        }
        this.file = file;
        this.base = IndexFormat.HEADER_BYTES;
        this.width = width;
        this.mask = width == 8 ? -1L : (1L << (8 * width)) - 1;
        this.length = length;
    }

    public long get(long index) {
        return file.get(IndexFormat.LONG, base + index * width) & mask;
    }

    public long length() { return length; }

    /** Bytes {@link #copiedInto} copies: the whole file, header and footer included. */
    public long fileBytes() { return file.byteSize(); }

    /** The same column read from a copy of its file in {@code memory} (at least {@link #fileBytes()} long). */
    public PackedColumn copiedInto(MemorySegment memory) {
        MemorySegment copy = memory.asSlice(0, file.byteSize());
        copy.copyFrom(file);
        return new PackedColumn(copy, width, length);
    }

    public int width() { return width; }

    /** Bytes needed per element so that every value in [0, maxValue] fits. */
    public static int widthFor(long maxValue) {
        if (maxValue < 0) return 8;
        int bits = 64 - Long.numberOfLeadingZeros(maxValue);
        return Math.max(1, (bits + 7) / 8);
    }

    /** The largest value a width holds. */
    public static long maxFor(int width) {
        return width == 8 ? -1L >>> 1 : (1L << (8 * width)) - 1;
    }

    /** Writes {@code value}'s low {@code width} bytes at {@code offset}, touching no other byte (safe beside concurrent writers). */
    public static void put(MemorySegment segment, long offset, int width, long value) {
        switch (width) {
            case 1 -> segment.set(java.lang.foreign.ValueLayout.JAVA_BYTE, offset, (byte) value);
            case 2 -> segment.set(IndexFormat.SHORT, offset, (short) value);
            case 3 -> {
                segment.set(IndexFormat.SHORT, offset, (short) value);
                segment.set(java.lang.foreign.ValueLayout.JAVA_BYTE, offset + 2, (byte) (value >>> 16));
            }
            case 4 -> segment.set(IndexFormat.INT, offset, (int) value);
            case 5 -> {
                segment.set(IndexFormat.INT, offset, (int) value);
                segment.set(java.lang.foreign.ValueLayout.JAVA_BYTE, offset + 4, (byte) (value >>> 32));
            }
            case 6 -> {
                segment.set(IndexFormat.INT, offset, (int) value);
                segment.set(IndexFormat.SHORT, offset + 4, (short) (value >>> 32));
            }
            case 7 -> {
                segment.set(IndexFormat.INT, offset, (int) value);
                segment.set(IndexFormat.SHORT, offset + 4, (short) (value >>> 32));
                segment.set(java.lang.foreign.ValueLayout.JAVA_BYTE, offset + 6, (byte) (value >>> 48));
            }
            case 8 -> segment.set(IndexFormat.LONG, offset, value);
            default -> throw new IllegalArgumentException("width " + width);
        }
    }
}
