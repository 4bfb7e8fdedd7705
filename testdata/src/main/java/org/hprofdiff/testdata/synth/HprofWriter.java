package org.hprofdiff.testdata.synth;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Low-level hprof encoder: one method per record and heap sub-record, streamed to an output stream.
 * <p>
 * Heap sub-records are collected in a buffer so the enclosing record's length can be written first. With
 * {@link HeapFraming#SEGMENTS} (HotSpot since JDK 6) the buffer is cut into HEAP_DUMP_SEGMENT records the
 * way heapDumper.cpp {@code start_sub_record} does: a sub-record that does not fit the segment limit starts
 * a new segment, and one larger than the limit gets a segment of its own. With
 * {@link HeapFraming#HEAP_DUMP} everything up to {@link #flushHeapRecord()} becomes one HEAP_DUMP record
 * (the old hprof agent and Android). Writing any top-level record first closes the pending heap record,
 * since records cannot nest.
 * <p>
 * Escape hatches ({@link #rawBytes}, {@link #recordWithDeclaredLength}, {@link #record} with any tag,
 * {@link #rawSubRecord}) let tests write malformed files.
 * <p>
 * Not thread-safe. Unchecked {@link UncheckedIOException} on I/O failure keeps test code short.
 */
public final class HprofWriter implements Closeable {

    /** HotSpot's io_buffer_max_size (1 MiB) less the 9-byte segment header (heapDumper.cpp). */
    public static final int HOTSPOT_SEGMENT_BODY_LIMIT = (1 << 20) - 9;

    public enum HeapFraming { SEGMENTS, HEAP_DUMP }

    private final OutputStream out;
    private final int idSize;
    private final ByteSink body = new ByteSink(256);
    private final ByteSink heap = new ByteSink(1 << 16);
    private final byte[] recordHeader = new byte[9];
    private HeapFraming framing = HeapFraming.SEGMENTS;
    private int segmentBodyLimit = HOTSPOT_SEGMENT_BODY_LIMIT;
    private List<byte[]> heldHeapRecords;
    private int subRecordStart = -1;
    private long bytesWritten;

    public HprofWriter(OutputStream out, int idSize) {
        if (idSize != 4 && idSize != 8) {
            throw new IllegalArgumentException("id size must be 4 or 8, not " + idSize);
        }
        this.out = new BufferedOutputStream(out, 1 << 16);
        this.idSize = idSize;
    }

    public int idSize() {
        return idSize;
    }

    /** Bytes handed to the stream so far (heap data still buffered is not counted). */
    public long bytesWritten() {
        return bytesWritten;
    }

    public HprofWriter framing(HeapFraming framing) {
        flushHeapRecord();
        this.framing = framing;
        return this;
    }

    /** Largest segment body before a cut (a single larger sub-record still gets its own segment). */
    public HprofWriter segmentBodyLimit(int limit) {
        flushHeapRecord();
        if (limit < 1) {
            throw new IllegalArgumentException("segment limit " + limit);
        }
        this.segmentBodyLimit = limit;
        return this;
    }

    // ---------------------------------------------------------------- header and top-level records

    /** {@code version} NUL, u4 id size, u8 timestamp; any version text is accepted (tests write bad ones). */
    public HprofWriter header(String version, long timestampMillis) {
        byte[] text = version.getBytes(StandardCharsets.US_ASCII);
        write(text, 0, text.length);
        body.reset();
        body.u1(0).u4(idSize).u8(timestampMillis);
        write(body.array(), 0, body.size());
        return this;
    }

    /** UTF8 (0x01): id, then the text without terminator. */
    public HprofWriter string(long id, String text) {
        return record(RecordTag.STRING, startBody().id(id, idSize).utf8(text));
    }

    /** LOAD_CLASS (0x02): u4 class serial, class object id, u4 stack trace serial, name string id. */
    public HprofWriter loadClass(int classSerial, long classId, int stackSerial, long nameId) {
        return record(RecordTag.LOAD_CLASS,
                startBody().u4(classSerial).id(classId, idSize).u4(stackSerial).id(nameId, idSize));
    }

    /** UNLOAD_CLASS (0x03): u4 class serial. */
    public HprofWriter unloadClass(int classSerial) {
        return record(RecordTag.UNLOAD_CLASS, startBody().u4(classSerial));
    }

    /**
     * FRAME (0x04): frame id, method name id, signature id, source file id, u4 class serial, u4 line
     * (HotSpot: -1 unknown, -2 compiled, -3 native; heapDumper.cpp {@code dump_stack_frame}).
     */
    public HprofWriter stackFrame(long frameId, long methodNameId, long signatureId, long sourceFileId,
                                  int classSerial, int line) {
        return record(RecordTag.STACK_FRAME, startBody().id(frameId, idSize).id(methodNameId, idSize)
                .id(signatureId, idSize).id(sourceFileId, idSize).u4(classSerial).u4(line));
    }

    /** TRACE (0x05): u4 serial, u4 thread serial, u4 frame count, frame ids. */
    public HprofWriter stackTrace(int serial, int threadSerial, long... frameIds) {
        ByteSink b = startBody().u4(serial).u4(threadSerial).u4(frameIds.length);
        for (long frameId : frameIds) {
            b.id(frameId, idSize);
        }
        return record(RecordTag.STACK_TRACE, b);
    }

    /** START_THREAD (0x0A): u4 thread serial, thread object id, u4 stack serial, name, group, parent group ids. */
    public HprofWriter startThread(int threadSerial, long threadObjectId, int stackSerial, long nameId,
                                   long groupNameId, long parentGroupNameId) {
        return record(RecordTag.START_THREAD, startBody().u4(threadSerial).id(threadObjectId, idSize)
                .u4(stackSerial).id(nameId, idSize).id(groupNameId, idSize).id(parentGroupNameId, idSize));
    }

    /** END_THREAD (0x0B): u4 thread serial. */
    public HprofWriter endThread(int threadSerial) {
        return record(RecordTag.END_THREAD, startBody().u4(threadSerial));
    }

    /** HEAP SUMMARY (0x07): u4 live bytes, u4 live instances, u8 allocated bytes, u8 allocated instances. */
    public HprofWriter heapSummary(int liveBytes, int liveInstances, long allocatedBytes, long allocatedInstances) {
        return record(RecordTag.HEAP_SUMMARY,
                startBody().u4(liveBytes).u4(liveInstances).u8(allocatedBytes).u8(allocatedInstances));
    }

    /** CONTROL SETTINGS (0x0E): u4 flags (alloc traces, cpu sampling), u2 stack trace depth. */
    public HprofWriter controlSettings(int flags, int stackTraceDepth) {
        return record(RecordTag.CONTROL_SETTINGS, startBody().u4(flags).u2(stackTraceDepth));
    }

    /** Any record with any tag (known or not) and a correct length. */
    public HprofWriter record(int tag, byte[] recordBody) {
        return recordWithDeclaredLength(tag, recordBody.length, recordBody);
    }

    /** A record whose length field says {@code declaredLength} whatever the body is: for corrupt-file tests. */
    public HprofWriter recordWithDeclaredLength(int tag, long declaredLength, byte[] recordBody) {
        flushHeapRecord();
        writeRecordHeader(tag, declaredLength);
        write(recordBody, 0, recordBody.length);
        return this;
    }

    /** Bytes as they are, anywhere in the stream (pending heap data is framed first). */
    public HprofWriter rawBytes(byte[] bytes) {
        flushHeapRecord();
        write(bytes, 0, bytes.length);
        return this;
    }

    // ---------------------------------------------------------------- heap dump framing

    /** Frames the buffered heap sub-records, if any, as a HEAP_DUMP or HEAP_DUMP_SEGMENT record. */
    public HprofWriter flushHeapRecord() {
        if (heap.size() > 0) {
            emitHeapRecord(heap.array(), heap.size());
            heap.reset();
        }
        return this;
    }

    /** HEAP DUMP END (0x2C), empty; pending heap data is framed first. */
    public HprofWriter heapDumpEnd() {
        flushHeapRecord();
        writeRecordHeader(RecordTag.HEAP_DUMP_END, 0);
        return this;
    }

    /** Ends one heap dump the way HotSpot does: last segment, then HEAP_DUMP_END (segments only). */
    public HprofWriter endHeapDump() {
        flushHeapRecord();
        if (framing == HeapFraming.SEGMENTS) {
            heapDumpEnd();
        }
        return this;
    }

    /**
     * From now on finished heap records (whole records, header included) are kept instead of written, so a
     * caller can reorder them; see {@link #takeHeldHeapRecords()}.
     */
    public HprofWriter holdHeapRecords() {
        flushHeapRecord();
        heldHeapRecords = new ArrayList<>();
        return this;
    }

    /** Returns the held heap records (frames pending data first) and goes back to writing them directly. */
    public List<byte[]> takeHeldHeapRecords() {
        flushHeapRecord();
        List<byte[]> held = heldHeapRecords == null ? List.of() : heldHeapRecords;
        heldHeapRecords = null;
        return held;
    }

    // ---------------------------------------------------------------- heap sub-records

    public HprofWriter root(GcRoot root) {
        ByteSink b = beginSubRecord(root.kind().tag()).id(root.objectId(), idSize);
        switch (root.kind().layout()) {
            case ID -> { }
            case ID_ID -> b.id(root.first(), idSize);
            case ID_U4 -> b.u4(root.first());
            case ID_U4_U4 -> b.u4(root.first()).u4(root.second());
        }
        return endSubRecord();
    }

    /** CLASS_DUMP (0x20) with its constant pool, statics and instance field descriptors. */
    public HprofWriter classDump(ClassDump c) {
        ByteSink b = beginSubRecord(SubRecordTag.CLASS_DUMP).id(c.classId(), idSize).u4(c.stackSerial())
                .id(c.superId(), idSize).id(c.loaderId(), idSize).id(c.signersId(), idSize)
                .id(c.protectionDomainId(), idSize).id(c.reserved1(), idSize).id(c.reserved2(), idSize)
                .u4(c.instanceSize()).u2(c.constantPool().size());
        for (ClassDump.ConstantPoolEntry entry : c.constantPool()) {
            b.u2(entry.index()).u1(entry.value().type().tag());
            b.value(entry.value().type(), entry.value().bits(), idSize);
        }
        b.u2(c.statics().size());
        for (ClassDump.StaticField field : c.statics()) {
            b.id(field.nameId(), idSize).u1(field.value().type().tag());
            b.value(field.value().type(), field.value().bits(), idSize);
        }
        b.u2(c.instanceFields().size());
        for (ClassDump.InstanceField field : c.instanceFields()) {
            b.id(field.nameId(), idSize).u1(field.type().tag());
        }
        return endSubRecord();
    }

    /** INSTANCE_DUMP (0x21) with field bytes already encoded (most derived class's fields first). */
    public HprofWriter instanceDump(long objectId, int stackSerial, long classId, byte[] fieldBytes) {
        beginSubRecord(SubRecordTag.INSTANCE_DUMP).id(objectId, idSize).u4(stackSerial).id(classId, idSize)
                .u4(fieldBytes.length).bytes(fieldBytes);
        return endSubRecord();
    }

    /** INSTANCE_DUMP (0x21) encoding the values in the order given (most derived class's fields first). */
    public HprofWriter instanceDump(long objectId, int stackSerial, long classId, List<FieldValue> values) {
        int length = 0;
        for (FieldValue value : values) {
            length += value.type().sizeInDump(idSize);
        }
        ByteSink b = beginSubRecord(SubRecordTag.INSTANCE_DUMP).id(objectId, idSize).u4(stackSerial)
                .id(classId, idSize).u4(length);
        for (FieldValue value : values) {
            b.value(value.type(), value.bits(), idSize);
        }
        return endSubRecord();
    }

    /** OBJ_ARRAY_DUMP (0x22): id, u4 stack serial, u4 length, array class id, element ids. */
    public HprofWriter objectArrayDump(long arrayId, int stackSerial, long arrayClassId, long[] elements) {
        ByteSink b = beginSubRecord(SubRecordTag.OBJ_ARRAY_DUMP).id(arrayId, idSize).u4(stackSerial)
                .u4(elements.length).id(arrayClassId, idSize);
        for (long element : elements) {
            b.id(element, idSize);
        }
        return endSubRecord();
    }

    /**
     * PRIM_ARRAY_DUMP (0x23): id, u4 stack serial, u4 length, u1 type, elements big-endian.
     * {@code bigEndianData} must hold {@code length × element size} bytes (not checked: tests lie on purpose).
     */
    public HprofWriter primitiveArrayDump(long arrayId, int stackSerial, BasicType type, int length,
                                          byte[] bigEndianData) {
        requirePrimitive(type);
        beginSubRecord(SubRecordTag.PRIM_ARRAY_DUMP).id(arrayId, idSize).u4(stackSerial).u4(length)
                .u1(type.tag()).bytes(bigEndianData);
        return endSubRecord();
    }

    public HprofWriter primitiveArrayDump(long arrayId, int stackSerial, byte[] values) {
        return primitiveArrayDump(arrayId, stackSerial, BasicType.BYTE, values.length, values);
    }

    public HprofWriter primitiveArrayDump(long arrayId, int stackSerial, char[] values) {
        return primitiveArrayDump(arrayId, stackSerial, BasicType.CHAR, values.length, PrimitiveData.of(values));
    }

    public HprofWriter primitiveArrayDump(long arrayId, int stackSerial, int[] values) {
        return primitiveArrayDump(arrayId, stackSerial, BasicType.INT, values.length, PrimitiveData.of(values));
    }

    public HprofWriter primitiveArrayDump(long arrayId, int stackSerial, long[] values) {
        return primitiveArrayDump(arrayId, stackSerial, BasicType.LONG, values.length, PrimitiveData.of(values));
    }

    /** Android HEAP_DUMP_INFO (0xFE): u4 heap id (0 default, 1 image, 2 zygote, 3 app), heap name string id. */
    public HprofWriter heapDumpInfo(int heapId, long nameStringId) {
        beginSubRecord(SubRecordTag.HEAP_DUMP_INFO).u4(heapId).id(nameStringId, idSize);
        return endSubRecord();
    }

    /** Android PRIMITIVE_ARRAY_NODATA (0xC3): like PRIM_ARRAY_DUMP without the elements. */
    public HprofWriter primitiveArrayNoData(long arrayId, int stackSerial, BasicType type, int length) {
        requirePrimitive(type);
        beginSubRecord(SubRecordTag.PRIMITIVE_ARRAY_NODATA).id(arrayId, idSize).u4(stackSerial).u4(length)
                .u1(type.tag());
        return endSubRecord();
    }

    /** Android UNREACHABLE (0x90): object id. */
    public HprofWriter unreachable(long objectId) {
        beginSubRecord(SubRecordTag.UNREACHABLE).id(objectId, idSize);
        return endSubRecord();
    }

    /** Any bytes as one sub-record (tag included): unknown sub-record tags, truncated sub-records. */
    public HprofWriter rawSubRecord(byte[] tagAndBody) {
        subRecordStart = heap.size();
        heap.bytes(tagAndBody);
        return endSubRecord();
    }

    // ---------------------------------------------------------------- stream end

    public void flush() {
        flushHeapRecord();
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Frames pending heap data (without HEAP_DUMP_END: call {@link #endHeapDump()} for that) and closes. */
    @Override
    public void close() {
        flushHeapRecord();
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- internals

    private static void requirePrimitive(BasicType type) {
        if (!type.isPrimitive()) {
            throw new IllegalArgumentException("primitive arrays hold primitives, not " + type);
        }
    }

    private ByteSink startBody() {
        body.reset();
        return body;
    }

    private HprofWriter record(int tag, ByteSink recordBody) {
        flushHeapRecord();
        writeRecordHeader(tag, recordBody.size());
        write(recordBody.array(), 0, recordBody.size());
        return this;
    }

    private ByteSink beginSubRecord(int tag) {
        subRecordStart = heap.size();
        return heap.u1(tag);
    }

    /**
     * Cuts a segment when the sub-record just added overflows the limit: what came before it is framed, and
     * the sub-record itself either starts the next segment or, if larger than the limit, is framed alone.
     */
    private HprofWriter endSubRecord() {
        if (framing == HeapFraming.SEGMENTS && heap.size() > segmentBodyLimit) {
            if (subRecordStart > 0) {
                emitHeapRecord(heap.array(), subRecordStart);
                heap.dropPrefix(subRecordStart);
            }
            if (heap.size() > segmentBodyLimit) {
                flushHeapRecord();
            }
        }
        subRecordStart = -1;
        return this;
    }

    private void emitHeapRecord(byte[] bytes, int length) {
        int tag = framing == HeapFraming.SEGMENTS ? RecordTag.HEAP_DUMP_SEGMENT : RecordTag.HEAP_DUMP;
        if (heldHeapRecords != null) {
            ByteSink whole = new ByteSink(length + 9);
            whole.u1(tag).u4(0).u4(length).bytes(bytes, 0, length);
            heldHeapRecords.add(whole.toByteArray());
        } else {
            writeRecordHeader(tag, length);
            write(bytes, 0, length);
        }
    }

    private void writeRecordHeader(int tag, long length) {
        if (length < 0 || length > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("record length " + length + " does not fit u4");
        }
        recordHeader[0] = (byte) tag;
        recordHeader[1] = recordHeader[2] = recordHeader[3] = recordHeader[4] = 0; // µs since header: HotSpot writes 0
        recordHeader[5] = (byte) (length >>> 24);
        recordHeader[6] = (byte) (length >>> 16);
        recordHeader[7] = (byte) (length >>> 8);
        recordHeader[8] = (byte) length;
        write(recordHeader, 0, 9);
    }

    private void write(byte[] bytes, int offset, int length) {
        try {
            out.write(bytes, offset, length);
            bytesWritten += length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
