package org.hprofdiff.index.build;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.core.format.ClassDump;
import org.hprofdiff.core.format.GcRootKind;
import org.hprofdiff.core.format.HeapTag;
import org.hprofdiff.core.read.HeapRecordAt;
import org.hprofdiff.core.read.HprofInput;
import org.hprofdiff.core.read.HprofVisitor;

/**
 * One heap record's objects, class dumps and GC roots as the first pass needs them, captured on the thread that
 * parses the record and handed to the first pass in file order ({@link #replay}); the thread's histogram part
 * counts the same record on the way. Reused from record to record.
 *
 * <p>A record parsed on the calling thread (before the split, or with one thread: {@code inline}) is not buffered
 * at all: each object goes to the first pass as it is parsed. On a worker, memory is bounded by {@link #capacity}
 * objects, whatever the record's size: a record with more (a HotSpot segment of many tiny objects) only counts the
 * histogram and is marked {@link #overflowed()}, and the committer parses that record again to capture it.
 */
final class RecordCapture implements HprofVisitor {
    static final byte INSTANCE = 0, OBJECT_ARRAY = 1, PRIMITIVE_ARRAY = 2, CLASS_DUMP = 3;
    static final int DEFAULT_CAPACITY = 1 << 17;

    private final int idSize;
    private final int capacity;
    private HprofVisitor histogram;
    private FirstPass inline;
    long recordOffset;
    long recordLength;
    private boolean overflowed;

    private int objects;
    private byte[] kind = new byte[1024];
    private long[] id = new long[1024];
    private long[] position = new long[1024];
    /** Class id (instances, object arrays), element type code (primitive arrays). */
    private long[] classOrType = new long[1024];
    /** Field bytes (instances), length (arrays). */
    private int[] size = new int[1024];
    private final List<ClassDump> classDumps = new ArrayList<>();

    private int roots;
    private byte[] rootKind = new byte[64];
    private long[] rootId = new long[64];
    private int[] rootThread = new int[64];
    private int[] rootFrame = new int[64];

    RecordCapture(int idSize, int capacity) {
        this.idSize = idSize;
        this.capacity = capacity;
    }

    /**
     * Prepares the capture for the next record: {@code histogram} counts it too; {@code inline}, if not null, takes
     * each object as it comes (on the calling thread only), so nothing is buffered.
     */
    RecordCapture start(HprofVisitor histogram, FirstPass inline) {
        this.histogram = histogram;
        this.inline = inline;
        return this;
    }

    /** Whether the record had more objects than fit: only the histogram counted it, and it must be captured again. */
    boolean overflowed() { return overflowed; }

    @Override
    public void heapRecord(long offset, long length) {
        histogram.heapRecord(offset, length);
        recordOffset = offset;
        recordLength = length;
        overflowed = false;
        objects = 0;
        roots = 0;
        classDumps.clear();
    }

    @Override
    public void gcRoot(GcRootKind k, long objectId, int threadSerial, int frame) {
        histogram.gcRoot(k, objectId, threadSerial, frame);
        if (inline != null) {
            inline.gcRoot(k, objectId, threadSerial, frame);
            return;
        }
        if (!room()) return;
        if (roots == rootKind.length) {
            int n = roots * 2;
            rootKind = Arrays.copyOf(rootKind, n);
            rootId = Arrays.copyOf(rootId, n);
            rootThread = Arrays.copyOf(rootThread, n);
            rootFrame = Arrays.copyOf(rootFrame, n);
        }
        rootKind[roots] = (byte) k.ordinal();
        rootId[roots] = objectId;
        rootThread[roots] = threadSerial;
        rootFrame[roots++] = frame;
    }

    @Override
    public void classDump(ClassDump c) {
        histogram.classDump(c);
        if (inline != null) {
            inline.classDump(c);
            return;
        }
        if (!room()) return;
        classDumps.add(c);
        add(CLASS_DUMP, c.classId(), c.offset(), 0, 0);
    }

    @Override
    public void instance(long objectId, long classId, HprofInput in, long fieldsPos, int fieldsLength) {
        histogram.instance(objectId, classId, in, fieldsPos, fieldsLength);
        long pos = HeapRecordAt.recordStart(HeapTag.INSTANCE_DUMP, fieldsPos, idSize);
        if (inline != null) inline.instance(objectId, classId, fieldsLength, pos);
        else if (room()) add(INSTANCE, objectId, pos, classId, fieldsLength);
    }

    @Override
    public void objectArray(long objectId, long arrayClassId, int length, HprofInput in, long elementsPos) {
        histogram.objectArray(objectId, arrayClassId, length, in, elementsPos);
        long pos = HeapRecordAt.recordStart(HeapTag.OBJ_ARRAY_DUMP, elementsPos, idSize);
        if (inline != null) inline.objectArray(objectId, arrayClassId, length, pos);
        else if (room()) add(OBJECT_ARRAY, objectId, pos, arrayClassId, length);
    }

    @Override
    public void primitiveArray(long objectId, BasicType elementType, int length, long dataPos) {
        histogram.primitiveArray(objectId, elementType, length, dataPos);
        long pos = dataPos < 0 ? -1 : HeapRecordAt.recordStart(HeapTag.PRIM_ARRAY_DUMP, dataPos, idSize);
        if (inline != null) inline.primitiveArray(objectId, elementType, length, pos);
        else if (room()) add(PRIMITIVE_ARRAY, objectId, pos, elementType.code, length);
    }

    @Override
    public boolean wantsObjectArrayElements() { return false; }

    @Override
    public boolean wantsStrings() { return false; }

    /** Whether one more object or root may be kept; the record overflows when not. */
    private boolean room() {
        if (overflowed) return false;
        if (objects + roots < capacity) return true;
        overflowed = true;
        return false;
    }

    private void add(byte k, long objectId, long pos, long cls, int sizeOrLength) {
        if (objects == kind.length) {
            int n = objects * 2;
            kind = Arrays.copyOf(kind, n);
            id = Arrays.copyOf(id, n);
            position = Arrays.copyOf(position, n);
            classOrType = Arrays.copyOf(classOrType, n);
            size = Arrays.copyOf(size, n);
        }
        kind[objects] = k;
        id[objects] = objectId;
        position[objects] = pos;
        classOrType[objects] = cls;
        size[objects++] = sizeOrLength;
    }

    /** Hands what was captured to the first pass, in file order: the objects (class dumps among them), then the roots. */
    void replay(FirstPass p1) {
        int dump = 0;
        for (int i = 0; i < objects; i++) {
            switch (kind[i]) {
                case INSTANCE -> p1.instance(id[i], classOrType[i], size[i], position[i]);
                case OBJECT_ARRAY -> p1.objectArray(id[i], classOrType[i], size[i], position[i]);
                case PRIMITIVE_ARRAY -> p1.primitiveArray(id[i], BasicType.of((int) classOrType[i]), size[i], position[i]);
                case CLASS_DUMP -> p1.classDump(classDumps.get(dump++));
                default -> throw new IllegalStateException("kind " + kind[i]);
            }
        }
        GcRootKind[] kinds = GcRootKind.values();
        for (int r = 0; r < roots; r++) p1.gcRoot(kinds[rootKind[r]], rootId[r], rootThread[r], rootFrame[r]);
    }
}
