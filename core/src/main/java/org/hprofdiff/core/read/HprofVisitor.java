package org.hprofdiff.core.read;

import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.core.format.ClassDump;
import org.hprofdiff.core.format.GcRootKind;
import org.hprofdiff.core.format.HprofHeader;

/**
 * Receives what the reader finds, in file order. Every method has an empty default, so a visitor
 * implements only what it needs. The hot callbacks (instances, arrays) take primitives and the input
 * itself: the record's bytes are readable through {@code in} for the duration of the call, nothing is
 * allocated per object.
 *
 * <p>Heap callbacks arrive only for the heap dump the reader was asked for (see
 * {@link HprofReader.Options#dumpNumber}). Class dumps may come after instances of their class
 * (JDK 22+ writes segments in parallel): a visitor that needs layouts resolves them at the end.
 * In a parallel read each thread has its own visitor; {@link HprofReader} says which callbacks go where.
 */
public interface HprofVisitor {

    default void header(HprofHeader header) {}

    /** A STRING record: UTF-8 bytes at {@code utf8Pos} (read them with {@link HprofInput#utf8At}). */
    default void string(long id, HprofInput in, long utf8Pos, int utf8Length) {}

    default void loadClass(int classSerial, long classId, int stackSerial, long nameId) {}

    default void stackFrame(long frameId, long methodNameId, long signatureId, long sourceFileId, int classSerial, int line) {}

    default void stackTrace(int stackSerial, int threadSerial, long[] frameIds) {}

    default void startThread(int threadSerial, long threadObjectId, int stackSerial, long nameId, long groupNameId, long parentGroupNameId) {}

    /** A heap record of the chosen dump begins (HEAP_DUMP or HEAP_DUMP_SEGMENT at {@code offset}). */
    default void heapRecord(long offset, long length) {}

    /**
     * A GC root. {@code threadSerial} and {@code frame} are -1 when the root kind has none; for a
     * Java-frame or JNI-local root {@code frame} is the frame's depth in that thread's stack trace.
     */
    default void gcRoot(GcRootKind kind, long objectId, int threadSerial, int frame) {}

    default void classDump(ClassDump classDump) {}

    /** An INSTANCE_DUMP: field values (own class first, then superclasses) at {@code fieldsPos}. */
    default void instance(long id, long classId, HprofInput in, long fieldsPos, int fieldsLength) {}

    /**
     * An OBJ_ARRAY_DUMP. Element ids start at {@code elementsPos}; they are readable through {@code in}
     * only when {@link #wantsObjectArrayElements()} is true.
     */
    default void objectArray(long id, long arrayClassId, int length, HprofInput in, long elementsPos) {}

    /** A PRIM_ARRAY_DUMP (data at {@code dataPos}, not required) or an Android NODATA array ({@code dataPos} = -1). */
    default void primitiveArray(long id, BasicType elementType, int length, long dataPos) {}

    /** Android: the objects that follow belong to the named heap. */
    default void heapInfo(int heapId, long nameId) {}

    /** Android: an object the runtime marked unreachable. */
    default void unreachable(long id) {}

    /** Whether object-array elements must be readable in {@link #objectArray} (costs buffering for gzip). */
    default boolean wantsObjectArrayElements() { return false; }

    /** Whether STRING records are wanted; when false they are skipped without decoding. */
    default boolean wantsStrings() { return true; }
}
