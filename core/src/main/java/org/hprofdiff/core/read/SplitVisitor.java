package org.hprofdiff.core.read;

import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.core.format.ClassDump;
import org.hprofdiff.core.format.GcRootKind;
import org.hprofdiff.core.format.HprofHeader;

/**
 * Sends non-heap records to one visitor and heap content to another: a sequential read that looks like a
 * parallel one to its caller (gzip dumps, which cannot be read out of order).
 */
final class SplitVisitor implements HprofVisitor {
    private final HprofVisitor topLevel;
    private final HprofVisitor heap;

    SplitVisitor(HprofVisitor topLevel, HprofVisitor heap) {
        this.topLevel = topLevel;
        this.heap = heap;
    }

    @Override public void header(HprofHeader header) { topLevel.header(header); heap.header(header); }
    @Override public void string(long id, HprofInput in, long utf8Pos, int utf8Length) { topLevel.string(id, in, utf8Pos, utf8Length); }
    @Override public void loadClass(int classSerial, long classId, int stackSerial, long nameId) { topLevel.loadClass(classSerial, classId, stackSerial, nameId); }
    @Override public void stackFrame(long frameId, long methodNameId, long signatureId, long sourceFileId, int classSerial, int line) {
        topLevel.stackFrame(frameId, methodNameId, signatureId, sourceFileId, classSerial, line);
    }
    @Override public void stackTrace(int stackSerial, int threadSerial, long[] frameIds) { topLevel.stackTrace(stackSerial, threadSerial, frameIds); }
    @Override public void startThread(int threadSerial, long threadObjectId, int stackSerial, long nameId, long groupNameId, long parentGroupNameId) {
        topLevel.startThread(threadSerial, threadObjectId, stackSerial, nameId, groupNameId, parentGroupNameId);
    }
    @Override public boolean wantsStrings() { return topLevel.wantsStrings(); }

    @Override public void heapRecord(long offset, long length) { heap.heapRecord(offset, length); }
    @Override public void gcRoot(GcRootKind kind, long objectId, int threadSerial, int frame) { heap.gcRoot(kind, objectId, threadSerial, frame); }
    @Override public void classDump(ClassDump classDump) { heap.classDump(classDump); }
    @Override public void instance(long id, long classId, HprofInput in, long fieldsPos, int fieldsLength) { heap.instance(id, classId, in, fieldsPos, fieldsLength); }
    @Override public void objectArray(long id, long arrayClassId, int length, HprofInput in, long elementsPos) { heap.objectArray(id, arrayClassId, length, in, elementsPos); }
    @Override public void primitiveArray(long id, BasicType elementType, int length, long dataPos) { heap.primitiveArray(id, elementType, length, dataPos); }
    @Override public void heapInfo(int heapId, long nameId) { heap.heapInfo(heapId, nameId); }
    @Override public void unreachable(long id) { heap.unreachable(id); }
    @Override public boolean wantsObjectArrayElements() { return heap.wantsObjectArrayElements(); }
}
