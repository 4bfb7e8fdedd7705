package org.hprofdiff.testdata.synth;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The bulk encoder of {@link LargeDumpGenerator}: heap sub-records written straight into one reused segment
 * buffer, cut like HotSpot (a sub-record that does not fit starts a new HEAP_DUMP_SEGMENT), no per-object
 * allocation. Ids are 8 bytes. The caller announces each sub-record's full length with {@link #begin} and
 * then writes exactly that many bytes.
 */
final class SegmentStream {
    private static final VarHandle U4 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle U8 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final OutputStream out;
    private final byte[] segment;
    private final byte[] header = new byte[9];
    private int position;
    private long bytesWritten;
    private long segments;

    SegmentStream(OutputStream out, int segmentBodyLimit) {
        this.out = out;
        this.segment = new byte[segmentBodyLimit];
    }

    long bytesWritten() {
        return bytesWritten;
    }

    long segments() {
        return segments;
    }

    /** Makes room for a sub-record of {@code length} bytes, which must fit one segment. */
    void begin(int length) {
        if (length > segment.length) {
            throw new IllegalArgumentException("sub-record of " + length + " bytes exceeds the segment limit");
        }
        if (position + length > segment.length) {
            flush();
        }
    }

    void u1(int value) {
        segment[position++] = (byte) value;
    }

    void u4(int value) {
        U4.set(segment, position, value);
        position += 4;
    }

    void u8(long value) {
        U8.set(segment, position, value);
        position += 8;
    }

    void bytes(byte[] source, int offset, int length) {
        System.arraycopy(source, offset, segment, position, length);
        position += length;
    }

    /** Sub-record header shared by instances: tag, id, stack serial 1, class id, field byte count. */
    void instanceHeader(long id, long classId, int fieldBytes) {
        begin(1 + 8 + 4 + 8 + 4 + fieldBytes);
        u1(SubRecordTag.INSTANCE_DUMP);
        u8(id);
        u4(SyntheticHeap.DUMMY_STACK_TRACE);
        u8(classId);
        u4(fieldBytes);
    }

    void objectArrayHeader(long id, long arrayClassId, int length) {
        begin(1 + 8 + 4 + 4 + 8 + 8 * length);
        u1(SubRecordTag.OBJ_ARRAY_DUMP);
        u8(id);
        u4(SyntheticHeap.DUMMY_STACK_TRACE);
        u4(length);
        u8(arrayClassId);
    }

    /** Primitive array header; the caller then writes {@code length × size(type)} data bytes. */
    void primitiveArrayHeader(long id, BasicType type, int length) {
        begin(1 + 8 + 4 + 4 + 1 + length * type.sizeInDump(8));
        u1(SubRecordTag.PRIM_ARRAY_DUMP);
        u8(id);
        u4(SyntheticHeap.DUMMY_STACK_TRACE);
        u4(length);
        u1(type.tag());
    }

    /** Frames what is buffered as one HEAP_DUMP_SEGMENT record. */
    void flush() {
        if (position == 0) {
            return;
        }
        header[0] = (byte) RecordTag.HEAP_DUMP_SEGMENT;
        U4.set(header, 1, 0);
        U4.set(header, 5, position);
        try {
            out.write(header);
            out.write(segment, 0, position);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bytesWritten += header.length + position;
        segments++;
        position = 0;
    }
}
