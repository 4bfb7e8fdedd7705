package org.hprofdiff.core.read;

import java.util.ArrayList;
import java.util.List;
import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.core.format.ClassDump;
import org.hprofdiff.core.format.HeapTag;

/**
 * Decodes the sub-records of one heap record (a byte range) and hands them to a visitor. Sub-records
 * carry no length, so an unknown tag or a length that runs past the record ends the range: the rest
 * of that record is skipped and reported, what came before is kept.
 */
final class HeapRecordParser {
    private final HprofInput in;
    private final HprofVisitor visitor;
    private final Problems problems;
    private final int idSize;
    private final boolean wantsArrayElements;

    HeapRecordParser(HprofInput in, HprofVisitor visitor, Problems problems) {
        this.in = in;
        this.visitor = visitor;
        this.problems = problems;
        this.idSize = in.idSize();
        this.wantsArrayElements = visitor.wantsObjectArrayElements();
    }

    /** Parses [position, end). On return the input is at {@code end} unless the data ended first. */
    void parse(long recordStart, long end) {
        while (in.position() < end) {
            long at = in.position();
            int code = in.u1();
            HeapTag tag = HeapTag.of(code);
            if (tag == null) {
                skipRest(at, end, String.format("unknown heap sub-record tag 0x%02x; expected a GC root (0x01-0x08, 0x89-0x8e, 0xff), "
                        + "class (0x20), instance (0x21) or array (0x22, 0x23, 0xc3) in the heap record at byte %d", code, recordStart));
                return;
            }
            try {
                if (!parseOne(tag, at, end)) return;
            } catch (CorruptRecordException e) {
                skipRest(at, end, e.getMessage());
                return;
            }
        }
    }

    /** Returns false when the rest of the record was skipped. */
    private boolean parseOne(HeapTag tag, long at, long end) {
        switch (tag) {
            case ROOT_UNKNOWN, ROOT_STICKY_CLASS, ROOT_MONITOR_USED, ROOT_INTERNED_STRING, ROOT_FINALIZING,
                 ROOT_DEBUGGER, ROOT_REFERENCE_CLEANUP, ROOT_VM_INTERNAL -> visitor.gcRoot(tag.rootKind, in.id(), -1, -1);
            case ROOT_JNI_GLOBAL -> {
                long id = in.id();
                in.skip(idSize); // the JNI global reference's own id
                visitor.gcRoot(tag.rootKind, id, -1, -1);
            }
            case ROOT_JNI_LOCAL, ROOT_JAVA_FRAME, ROOT_JNI_MONITOR -> {
                long id = in.id();
                int thread = in.u4();
                visitor.gcRoot(tag.rootKind, id, thread, in.u4());
            }
            case ROOT_NATIVE_STACK, ROOT_THREAD_BLOCK -> {
                long id = in.id();
                visitor.gcRoot(tag.rootKind, id, in.u4(), -1);
            }
            case ROOT_THREAD_OBJECT -> {
                long id = in.id();
                int thread = in.u4();
                in.skip(4); // stack trace serial
                visitor.gcRoot(tag.rootKind, id, thread, -1);
            }
            case UNREACHABLE -> visitor.unreachable(in.id());
            case HEAP_DUMP_INFO -> {
                int heapId = in.u4();
                visitor.heapInfo(heapId, in.id());
            }
            case CLASS_DUMP -> visitor.classDump(readClassDump(at));
            case INSTANCE_DUMP -> {
                long id = in.id();
                in.skip(4);
                long classId = in.id();
                long length = in.u4Unsigned();
                long fieldsPos = in.position();
                if (fieldsPos + length > end) return pastEnd(at, end, "instance", length);
                in.require(length);
                visitor.instance(id, classId, in, fieldsPos, (int) length);
                in.seek(fieldsPos + length);
            }
            case OBJ_ARRAY_DUMP -> {
                long id = in.id();
                in.skip(4);
                long length = in.u4Unsigned();
                long arrayClassId = in.id();
                long elementsPos = in.position();
                long bytes = length * idSize;
                if (length > Integer.MAX_VALUE || elementsPos + bytes > end) return pastEnd(at, end, "object array", bytes);
                if (wantsArrayElements) in.require(bytes);
                visitor.objectArray(id, arrayClassId, (int) length, in, elementsPos);
                in.seek(elementsPos + bytes);
            }
            case PRIM_ARRAY_DUMP, PRIMITIVE_ARRAY_NODATA -> {
                long id = in.id();
                in.skip(4);
                long length = in.u4Unsigned();
                int typeCode = in.u1();
                BasicType type = BasicType.of(typeCode);
                if (type == null || type == BasicType.OBJECT) {
                    skipRest(at, end, "primitive array of element type " + typeCode + "; expected a primitive type code (4-11)");
                    return false;
                }
                if (tag == HeapTag.PRIMITIVE_ARRAY_NODATA) {
                    visitor.primitiveArray(id, type, (int) length, -1);
                } else {
                    long dataPos = in.position();
                    long bytes = length * type.primitiveSize;
                    if (length > Integer.MAX_VALUE || dataPos + bytes > end) return pastEnd(at, end, "primitive array", bytes);
                    visitor.primitiveArray(id, type, (int) length, dataPos);
                    in.seek(dataPos + bytes);
                }
            }
            default -> throw new AssertionError(tag);
        }
        return true;
    }

    private ClassDump readClassDump(long at) {
        long classId = in.id();
        in.skip(4); // stack trace serial
        long superId = in.id();
        long loaderId = in.id();
        long signersId = in.id();
        long protectionDomainId = in.id();
        in.skip(2L * idSize); // two reserved ids
        int instanceSize = in.u4();
        int constants = in.u2();
        for (int i = 0; i < constants; i++) {
            in.skip(2);
            in.skip(typeAt(in.u1(), at).sizeInFile(idSize));
        }
        int staticCount = in.u2();
        List<ClassDump.StaticField> statics = new ArrayList<>(staticCount);
        for (int i = 0; i < staticCount; i++) {
            long nameId = in.id();
            BasicType type = typeAt(in.u1(), at);
            int size = type.sizeInFile(idSize);
            in.require(size);
            long value = in.valueAt(in.position(), size);
            in.skip(size);
            statics.add(new ClassDump.StaticField(nameId, type, value));
        }
        int fieldCount = in.u2();
        List<ClassDump.FieldDecl> fields = new ArrayList<>(fieldCount);
        for (int i = 0; i < fieldCount; i++) {
            long nameId = in.id();
            fields.add(new ClassDump.FieldDecl(nameId, typeAt(in.u1(), at)));
        }
        return new ClassDump(classId, superId, loaderId, signersId, protectionDomainId, instanceSize, statics, fields, at);
    }

    private BasicType typeAt(int code, long classDumpAt) {
        BasicType t = BasicType.of(code);
        if (t == null) throw new CorruptRecordException(in.position() - 1, "class dump at byte " + classDumpAt + " has a field of type " + code + "; expected a basic type code (2, 4-11)");
        return t;
    }

    private boolean pastEnd(long at, long end, String what, long bytes) {
        skipRest(at, end, what + " at byte " + at + " declares " + bytes + " bytes of data, past the end of its heap record at byte " + end);
        return false;
    }

    private void skipRest(long at, long end, String message) {
        problems.add(at, ReadResult.SKIPPED_HEAP_DATA + message + "; " + (end - at) + " bytes skipped");
        in.seek(end);
    }

    /** A malformed sub-record found while decoding it; the parser's caller skips the rest of the record. */
    static final class CorruptRecordException extends RuntimeException {
        final long offset;

        CorruptRecordException(long offset, String message) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }
}
