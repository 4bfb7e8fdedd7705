package org.hprofdiff.core.read;

import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.core.format.HeapTag;

/**
 * Random access to the object records of a heap dump segment: given the byte offset of a record's tag (what the
 * index stores per object), reads its tag, id, class id, array length and element type, and where its field or
 * element bytes start. The one place outside the streaming parser that knows where these fields sit in a record
 * (the JDK's {@code heapDumper.cpp}; {@link HeapTag#fixedLength} gives the same layout as lengths):
 * <pre>
 * INSTANCE_DUMP    tag, id, u4 stack serial, class id, u4 field bytes, field bytes
 * OBJ_ARRAY_DUMP   tag, id, u4 stack serial, u4 length, array class id, elements (ids)
 * PRIM_ARRAY_DUMP  tag, id, u4 stack serial, u4 length, u1 element type, elements
 * CLASS_DUMP       tag, class object id, ...
 * </pre>
 * Each method expects a record of the kind it names (the caller checks {@link #tag} first where it may be another);
 * nothing is checked on the hot path. Built on {@link HprofInput}'s absolute reads: thread-safe as far as they are
 * (a mapped file), allocation-free.
 */
public final class HeapRecordAt {
    private final HprofInput in;
    private final int idSize;
    /** Where the variable part starts, from the record's tag: {@link HeapTag#fixedLength}, looked up once. */
    private final int instanceFields;
    private final int objectArrayElements;
    private final int primitiveArrayElements;

    public HeapRecordAt(HprofInput in) {
        this.in = in;
        this.idSize = in.idSize();
        this.instanceFields = HeapTag.INSTANCE_DUMP.fixedLength(idSize);
        this.objectArrayElements = HeapTag.OBJ_ARRAY_DUMP.fixedLength(idSize);
        this.primitiveArrayElements = HeapTag.PRIM_ARRAY_DUMP.fixedLength(idSize);
    }

    /**
     * Where the record starts whose variable part (fields, elements) starts at {@code dataPos}: the streaming reader
     * reports those positions, the index stores record positions.
     */
    public static long recordStart(HeapTag tag, long dataPos, int idSize) {
        return dataPos - tag.fixedLength(idSize);
    }

    /** The input the records are read from (for values at the positions this class gives). */
    public HprofInput input() { return in; }

    /** The sub-record tag's code at {@code pos}. */
    public int tagCode(long pos) { return in.u1At(pos); }

    /** The sub-record tag at {@code pos}, or null when the byte there is no known tag. */
    public HeapTag tag(long pos) { return HeapTag.of(in.u1At(pos)); }

    /** Whether {@code pos} holds an object record: an instance, an object or primitive array, or a class. */
    public boolean isObject(long pos) {
        int tag = in.u1At(pos);
        return tag == HeapTag.INSTANCE_DUMP.code || tag == HeapTag.OBJ_ARRAY_DUMP.code || tag == HeapTag.PRIM_ARRAY_DUMP.code
                || tag == HeapTag.CLASS_DUMP.code;
    }

    /** Whether {@code pos} holds an array record, of objects or of primitives. */
    public boolean isArray(long pos) {
        int tag = in.u1At(pos);
        return tag == HeapTag.OBJ_ARRAY_DUMP.code || tag == HeapTag.PRIM_ARRAY_DUMP.code;
    }

    /** The object's id (for a class dump, its class object's); every object record starts with it. */
    public long id(long pos) { return in.idAt(pos + 1); }

    /** An instance's class id. */
    public long instanceClassId(long pos) { return in.idAt(pos + 1 + idSize + 4); }

    /** An instance's field bytes, as its record says (the u4 just before them). */
    public long instanceFieldBytes(long pos) { return in.u4At(pos + instanceFields - 4) & 0xFFFF_FFFFL; }

    /** Where an instance's field bytes start (its own class's fields first, then each superclass's). */
    public long instanceFieldsStart(long pos) { return pos + instanceFields; }

    /** An array's element count (object or primitive array: both have id, stack serial, then length). */
    public long arrayLength(long pos) { return in.u4At(pos + 1 + idSize + 4) & 0xFFFF_FFFFL; }

    /** An object array's class id. */
    public long objectArrayClassId(long pos) { return in.idAt(pos + 1 + idSize + 8); }

    /** Where an object array's elements (ids) start. */
    public long objectArrayElementsStart(long pos) { return pos + objectArrayElements; }

    /** A primitive array's element type. */
    public BasicType primitiveArrayType(long pos) { return BasicType.of(in.u1At(pos + 1 + idSize + 8)); }

    /** Where a primitive array's elements start. */
    public long primitiveArrayElementsStart(long pos) { return pos + primitiveArrayElements; }
}
