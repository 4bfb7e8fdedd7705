package org.hprofdiff.core.read;

import java.util.ArrayList;
import java.util.List;
import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.core.format.ClassDump;
import org.hprofdiff.core.format.HeapTag;

/**
 * Decodes the sub-records of one heap record (a byte range) and hands them to a visitor.
 *
 * <p>Sub-records carry no length, so an unknown tag, or a length that runs past the record, ends the
 * range: the rest of that record is skipped and reported ({@link Problems#addHeapDamage}), what came
 * before is kept. Every read is checked against the record's end before it is made, so a damaged record
 * never reads into the next one (a stream cannot go back). When the data itself ends (a truncated file)
 * the input throws {@link EndOfDataException}; an object is delivered only once all its bytes are there,
 * so a truncated dump yields exactly the objects before the cut.
 *
 * <p>The loop reads at absolute positions from the sub-record's start; the input's position moves once
 * per sub-record. One parser per thread: it holds no state between records besides its input.
 */
final class HeapRecordParser {
    private final HprofInput in;
    private final HprofVisitor visitor;
    private final Problems problems;
    private final int idSize;
    private final boolean wantsArrayElements;
    /** {@link HeapTag#fixedLength} by tag code for this id size; 0 for undefined codes. */
    private final int[] fixedLength = new int[256];

    HeapRecordParser(HprofInput in, HprofVisitor visitor, Problems problems) {
        this.in = in;
        this.visitor = visitor;
        this.problems = problems;
        this.idSize = in.idSize();
        this.wantsArrayElements = visitor.wantsObjectArrayElements();
        for (HeapTag t : HeapTag.values()) fixedLength[t.code] = t.fixedLength(idSize);
    }

    Problems problems() { return problems; }

    /** Parses the body of the heap record at {@code recordStart} from the input's position to {@code end}. */
    void parse(long recordStart, long end) {
        HprofInput in = this.in;
        long at = in.position();
        while (at < end) {
            in.require(1);
            int code = in.u1At(at);
            HeapTag tag = HeapTag.of(code);
            if (tag == null) {
                damaged(at, end, String.format("unknown heap sub-record tag 0x%02x at byte %d in the heap record at byte %d; expected "
                        + "a GC root (0x01-0x08, 0x89-0x8e, 0xff), class (0x20), instance (0x21), array (0x22, 0x23, 0xc3), "
                        + "unreachable (0x90) or heap info (0xfe)", code, at, recordStart));
                return;
            }
            int fixed = fixedLength[code];
            if (at + fixed > end) {
                damaged(at, end, tag.label() + " at byte " + at + " needs " + fixed + " bytes, past the end of its heap record at byte " + end);
                return;
            }
            in.require(fixed);
            long next;
            try {
                next = subRecord(tag, at, fixed, end);
            } catch (CorruptRecordException e) {
                damaged(at, end, e.getMessage());
                return;
            }
            if (next < 0) return;
            in.seek(next);
            at = next;
        }
    }

    /** Delivers one sub-record whose first {@code fixed} bytes are readable; returns where the next starts, or -1. */
    private long subRecord(HeapTag tag, long at, int fixed, long end) {
        HprofInput in = this.in;
        long afterId = at + 1 + idSize;
        switch (tag) {
            case INSTANCE_DUMP -> {
                long id = in.idAt(at + 1);
                long classId = in.idAt(afterId + 4);
                long length = in.u4At(afterId + 4 + idSize) & 0xFFFF_FFFFL;
                long fields = at + fixed;
                if (fields + length > end) return pastEnd(at, end, tag, length);
                in.require(fixed + length);
                visitor.instance(id, classId, in, fields, (int) length);
                return fields + length;
            }
            case OBJ_ARRAY_DUMP -> {
                long id = in.idAt(at + 1);
                long length = in.u4At(afterId + 4) & 0xFFFF_FFFFL;
                long arrayClassId = in.idAt(afterId + 8);
                long elements = at + fixed;
                long bytes = length * idSize;
                if (elements + bytes > end) return pastEnd(at, end, tag, bytes);
                if (length > Integer.MAX_VALUE) return tooLong(at, end, tag, length);
                if (wantsArrayElements) in.require(fixed + bytes);
                else in.seek(elements + bytes); // the data must be there, but need not be buffered
                visitor.objectArray(id, arrayClassId, (int) length, in, elements);
                return elements + bytes;
            }
            case PRIM_ARRAY_DUMP, PRIMITIVE_ARRAY_NODATA -> {
                long id = in.idAt(at + 1);
                long length = in.u4At(afterId + 4) & 0xFFFF_FFFFL;
                int typeCode = in.u1At(afterId + 8);
                BasicType type = BasicType.of(typeCode);
                if (type == null || !type.isPrimitive()) {
                    damaged(at, end, tag.label() + " at byte " + at + " has element type " + typeCode
                            + "; expected a primitive type code (4-11)");
                    return -1;
                }
                if (length > Integer.MAX_VALUE) return tooLong(at, end, tag, length);
                if (tag == HeapTag.PRIMITIVE_ARRAY_NODATA) {
                    visitor.primitiveArray(id, type, (int) length, -1);
                    return at + fixed;
                }
                long data = at + fixed;
                long bytes = length * type.primitiveSize;
                if (data + bytes > end) return pastEnd(at, end, tag, bytes);
                in.seek(data + bytes);
                visitor.primitiveArray(id, type, (int) length, data);
                return data + bytes;
            }
            case CLASS_DUMP -> {
                return classDump(at, fixed, end);
            }
            case ROOT_UNKNOWN, ROOT_STICKY_CLASS, ROOT_MONITOR_USED, ROOT_INTERNED_STRING, ROOT_FINALIZING,
                 ROOT_DEBUGGER, ROOT_REFERENCE_CLEANUP, ROOT_VM_INTERNAL, ROOT_JNI_GLOBAL ->
                    visitor.gcRoot(tag.rootKind, in.idAt(at + 1), -1, -1); // a JNI global's own ref id is not needed
            case ROOT_JNI_LOCAL, ROOT_JAVA_FRAME, ROOT_JNI_MONITOR ->
                    visitor.gcRoot(tag.rootKind, in.idAt(at + 1), in.u4At(afterId), in.u4At(afterId + 4));
            case ROOT_NATIVE_STACK, ROOT_THREAD_BLOCK, ROOT_THREAD_OBJECT -> // a thread object's stack serial is not needed
                    visitor.gcRoot(tag.rootKind, in.idAt(at + 1), in.u4At(afterId), -1);
            case UNREACHABLE -> visitor.unreachable(in.idAt(at + 1));
            case HEAP_DUMP_INFO -> visitor.heapInfo(in.u4At(at + 1), in.idAt(at + 5));
        }
        return at + fixed;
    }

    /** CLASS_DUMP: a fixed part, then constant pool, statics and instance fields, each a counted list. */
    private long classDump(long at, int fixed, long end) {
        HprofInput in = this.in;
        long p = at + 1;
        long classId = in.idAt(p);
        p += idSize + 4; // stack trace serial
        long superId = in.idAt(p);
        long loaderId = in.idAt(p + idSize);
        long signersId = in.idAt(p + 2L * idSize);
        long protectionDomainId = in.idAt(p + 3L * idSize);
        p += 6L * idSize; // the four ids above and two reserved ones
        int instanceSize = in.u4At(p);
        int constants = in.u2At(p + 4);
        p = at + fixed;
        for (int i = 0; i < constants; i++) {
            need(at, p, 3, end);
            BasicType type = typeAt(at, p + 2);
            p += 3 + type.sizeInFile(idSize);
        }
        need(at, p, 2, end);
        int staticCount = in.u2At(p);
        p += 2;
        List<ClassDump.StaticField> statics = new ArrayList<>(staticCount);
        for (int i = 0; i < staticCount; i++) {
            need(at, p, idSize + 1, end);
            long nameId = in.idAt(p);
            BasicType type = typeAt(at, p + idSize);
            p += idSize + 1;
            int size = type.sizeInFile(idSize);
            need(at, p, size, end);
            statics.add(new ClassDump.StaticField(nameId, type, in.valueAt(p, size)));
            p += size;
        }
        need(at, p, 2, end);
        int fieldCount = in.u2At(p);
        p += 2;
        List<ClassDump.FieldDecl> fields = new ArrayList<>(fieldCount);
        for (int i = 0; i < fieldCount; i++) {
            need(at, p, idSize + 1, end);
            fields.add(new ClassDump.FieldDecl(in.idAt(p), typeAt(at, p + idSize)));
            p += idSize + 1;
        }
        visitor.classDump(new ClassDump(classId, superId, loaderId, signersId, protectionDomainId, instanceSize,
                statics, fields, at));
        return p;
    }

    /** Makes [p, p + n) of the class dump at {@code at} readable, or fails when it would pass the record's end. */
    private void need(long at, long p, long n, long end) {
        if (p + n > end) {
            throw new CorruptRecordException("class dump at byte " + at + " runs past the end of its heap record at byte " + end
                    + " (reading " + n + " bytes at byte " + p + ")");
        }
        in.require(p + n - at);
    }

    private BasicType typeAt(long classDumpAt, long p) {
        int code = in.u1At(p);
        BasicType t = BasicType.of(code);
        if (t == null) {
            throw new CorruptRecordException("class dump at byte " + classDumpAt + " has type code " + code + " at byte " + p
                    + "; expected a basic type code (2, 4-11)");
        }
        return t;
    }

    private long pastEnd(long at, long end, HeapTag tag, long bytes) {
        damaged(at, end, tag.label() + " at byte " + at + " declares " + bytes + " bytes of data, past the end of its heap record at byte " + end);
        return -1;
    }

    private long tooLong(long at, long end, HeapTag tag, long length) {
        damaged(at, end, tag.label() + " at byte " + at + " declares " + length + " elements; expected at most " + Integer.MAX_VALUE);
        return -1;
    }

    /** Reports the rest of the record as skipped and moves to its end (which throws if the data ends first). */
    private void damaged(long at, long end, String message) {
        problems.addHeapDamage(at, message + "; the rest of the heap record (" + (end - at) + " bytes) skipped");
        in.seek(end);
    }

    /** A malformed class dump, found while decoding it. */
    private static final class CorruptRecordException extends RuntimeException {
        CorruptRecordException(String message) {
            super(message, null, false, false);
        }
    }
}
