package org.hprofdiff.core.read;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.core.format.ClassDump;
import org.hprofdiff.core.format.GcRootKind;

/**
 * Test visitor: writes every callback as one line of text, reading the bytes each callback points at
 * (field bytes, array elements, string text), so a test compares the whole decoding with lines it
 * builds from what it told the writer.
 */
class EventLog implements HprofVisitor {
    final List<String> events = new ArrayList<>();
    private final boolean withHeapRecords;

    EventLog() { this(false); }

    EventLog(boolean withHeapRecords) { this.withHeapRecords = withHeapRecords; }

    /** Only the heap-object lines (instances and arrays), for prefix checks on cut files. */
    List<String> objects() {
        return events.stream().filter(e -> e.startsWith("instance") || e.contains("Array ")).toList();
    }

    @Override public void string(long id, HprofInput in, long utf8Pos, int utf8Length) {
        events.add("string " + hex(id) + " " + in.utf8At(utf8Pos, utf8Length));
    }

    @Override public void loadClass(int classSerial, long classId, int stackSerial, long nameId) {
        events.add("loadClass " + classSerial + " " + hex(classId) + " " + stackSerial + " " + hex(nameId));
    }

    @Override public void stackFrame(long frameId, long methodNameId, long signatureId, long sourceFileId, int classSerial, int line) {
        events.add("stackFrame " + hex(frameId) + " " + hex(methodNameId) + " " + hex(signatureId) + " " + hex(sourceFileId) + " " + classSerial + " " + line);
    }

    @Override public void stackTrace(int stackSerial, int threadSerial, long[] frameIds) {
        StringJoiner j = new StringJoiner(",", "[", "]");
        for (long f : frameIds) j.add(hex(f));
        events.add("stackTrace " + stackSerial + " " + threadSerial + " " + j);
    }

    @Override public void startThread(int threadSerial, long threadObjectId, int stackSerial, long nameId, long groupNameId, long parentGroupNameId) {
        events.add("startThread " + threadSerial + " " + hex(threadObjectId) + " " + stackSerial + " " + hex(nameId) + " " + hex(groupNameId) + " " + hex(parentGroupNameId));
    }

    @Override public void heapRecord(long offset, long length) {
        if (withHeapRecords) events.add("heapRecord " + offset + " " + length);
    }

    @Override public void gcRoot(GcRootKind kind, long objectId, int threadSerial, int frame) {
        events.add("root " + kind + " " + hex(objectId) + " " + threadSerial + " " + frame);
    }

    @Override public void classDump(ClassDump c) {
        StringJoiner statics = new StringJoiner(",", "[", "]");
        c.statics().forEach(s -> statics.add(hex(s.nameId()) + ":" + s.type() + "=" + Long.toHexString(s.value())));
        StringJoiner fields = new StringJoiner(",", "[", "]");
        c.fields().forEach(f -> fields.add(hex(f.nameId()) + ":" + f.type()));
        events.add("class " + hex(c.classId()) + " super " + hex(c.superId()) + " loader " + hex(c.loaderId()) + " signers "
                + hex(c.signersId()) + " pd " + hex(c.protectionDomainId()) + " size " + c.instanceSizeInFile() + " statics " + statics
                + " fields " + fields + " at " + c.offset());
    }

    @Override public void instance(long id, long classId, HprofInput in, long fieldsPos, int fieldsLength) {
        StringBuilder bytes = new StringBuilder();
        for (int i = 0; i < fieldsLength; i++) bytes.append(String.format("%02x", in.u1At(fieldsPos + i)));
        events.add("instance " + hex(id) + " class " + hex(classId) + " fields " + bytes + " at " + fieldsPos);
    }

    @Override public void objectArray(long id, long arrayClassId, int length, HprofInput in, long elementsPos) {
        StringJoiner j = new StringJoiner(",", "[", "]");
        for (int i = 0; i < length; i++) j.add(hex(in.idAt(elementsPos + (long) i * in.idSize())));
        events.add("objectArray " + hex(id) + " class " + hex(arrayClassId) + " " + j + " at " + elementsPos);
    }

    @Override public void primitiveArray(long id, BasicType elementType, int length, long dataPos) {
        events.add("primitiveArray " + hex(id) + " " + elementType + " length " + length + " at " + dataPos);
    }

    @Override public void heapInfo(int heapId, long nameId) {
        events.add("heapInfo " + heapId + " " + hex(nameId));
    }

    @Override public void unreachable(long id) {
        events.add("unreachable " + hex(id));
    }

    @Override public boolean wantsObjectArrayElements() { return true; }

    static String hex(long v) { return "0x" + Long.toHexString(v); }
}
