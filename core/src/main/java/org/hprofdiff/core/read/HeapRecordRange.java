package org.hprofdiff.core.read;

/**
 * One HEAP_DUMP or HEAP_DUMP_SEGMENT record of the chosen heap dump: the unit of parallel heap parsing.
 *
 * @param offset    byte offset of the record's tag (its 9-byte header starts here)
 * @param length    body length the record declares
 * @param truncated the file ends inside this record (only the last range of a truncated dump)
 */
public record HeapRecordRange(long offset, long length, boolean truncated) {
    /** Record header: u1 tag, u4 time, u4 length. */
    public static final int HEADER_BYTES = 9;

    public long bodyStart() { return offset + HEADER_BYTES; }

    /** The offset just past the record as declared (past the end of the data when truncated). */
    public long end() { return offset + HEADER_BYTES + length; }
}
