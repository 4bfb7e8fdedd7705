package org.hprofdiff.testdata.synth;

/**
 * Heap dump sub-record tags. GC root tags are in {@link RootKind}; these are the object records and the
 * Android (1.0.3) additions from art/runtime/hprof/hprof.cc.
 */
public final class SubRecordTag {
    public static final int CLASS_DUMP = 0x20;
    public static final int INSTANCE_DUMP = 0x21;
    public static final int OBJ_ARRAY_DUMP = 0x22;
    public static final int PRIM_ARRAY_DUMP = 0x23;
    /** Android: u4 heap id, id of the heap's name string; applies to the sub-records that follow. */
    public static final int HEAP_DUMP_INFO = 0xFE;
    /** Android: id, u4 stack serial, u4 length, u1 type, and no element data. */
    public static final int PRIMITIVE_ARRAY_NODATA = 0xC3;
    /** Android: id of an object the runtime found unreachable. */
    public static final int UNREACHABLE = 0x90;

    private SubRecordTag() {
    }
}
