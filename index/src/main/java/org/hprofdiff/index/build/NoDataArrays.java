package org.hprofdiff.index.build;

import java.lang.foreign.MemorySegment;
import org.hprofdiff.index.store.IndexFormat;

/**
 * Type and length of Android PRIMITIVE_ARRAY_NODATA records, whose position the reader does not
 * report, by ordinal (entries of {@code tmp.nodata}: u8 ordinal, u4 type code, u4 length, ascending).
 */
final class NoDataArrays {
    static final int ENTRY = 16;
    private final MemorySegment file;
    private final long count;

    NoDataArrays(MemorySegment file, long count) {
        this.file = file;
        this.count = count;
    }

    /** (type code << 32) | length for this ordinal. */
    long find(long ordinal) {
        long lo = 0;
        long hi = count - 1;
        while (lo <= hi) {
            long mid = (lo + hi) >>> 1;
            long at = IndexFormat.HEADER_BYTES + mid * ENTRY;
            long o = file.get(IndexFormat.LONG, at);
            if (o < ordinal) lo = mid + 1;
            else if (o > ordinal) hi = mid - 1;
            else return ((long) file.get(IndexFormat.INT, at + 8) << 32) | (file.get(IndexFormat.INT, at + 12) & 0xFFFF_FFFFL);
        }
        throw new IllegalStateException("no position and no NODATA entry for object " + ordinal);
    }
}
