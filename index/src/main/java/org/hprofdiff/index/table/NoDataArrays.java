package org.hprofdiff.index.table;

import java.lang.foreign.MemorySegment;
import org.hprofdiff.index.store.IndexFormat;

/**
 * Android's PRIMITIVE_ARRAY_NODATA records: primitive arrays listed without their contents, whose
 * record position the reader does not give. Their id, type and length by ordinal (entries of
 * {@code obj.nodata}: u8 ordinal, u8 id, u4 type code, u4 length, ascending by ordinal). Empty for HotSpot dumps.
 */
public final class NoDataArrays {
    public static final int ENTRY = 24;
    private final MemorySegment file;
    private final long count;

    /** @param file the whole file (header, entries, footer) */
    public NoDataArrays(MemorySegment file, long count) {
        this.file = file;
        this.count = count;
    }

    public long count() { return count; }

    /** (type code << 32) | length for this ordinal, or -1 when it is not such an array. */
    public long find(long ordinal) {
        long at = entry(ordinal);
        return at < 0 ? -1 : ((long) file.get(IndexFormat.INT, at + 16) << 32) | (file.get(IndexFormat.INT, at + 20) & 0xFFFF_FFFFL);
    }

    /** The id of the array with this ordinal (which must be one of them). */
    public long idOf(long ordinal) {
        long at = entry(ordinal);
        if (at < 0) throw new IllegalArgumentException("object " + ordinal + " is not a primitive array without data");
        return file.get(IndexFormat.LONG, at + 8);
    }

    /** Byte offset of the entry for this ordinal, or -1. */
    private long entry(long ordinal) {
        long lo = 0;
        long hi = count - 1;
        while (lo <= hi) {
            long mid = (lo + hi) >>> 1;
            long at = IndexFormat.HEADER_BYTES + mid * ENTRY;
            long o = file.get(IndexFormat.LONG, at);
            if (o < ordinal) lo = mid + 1;
            else if (o > ordinal) hi = mid - 1;
            else return at;
        }
        return -1;
    }
}
