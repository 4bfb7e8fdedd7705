package org.hprofdiff.cli.commands;

import org.hprofdiff.cli.Progress;
import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.core.format.ClassDump;
import org.hprofdiff.core.format.GcRootKind;
import org.hprofdiff.core.format.HprofHeader;
import org.hprofdiff.core.read.HprofInput;
import org.hprofdiff.core.read.HprofVisitor;

/**
 * Passes every callback to the visitor doing the work and reports how far the pass is, by the offset
 * of each heap record (HotSpot writes one about every MiB, so this costs nothing per object).
 */
final class ProgressVisitor implements HprofVisitor {
    private final HprofVisitor work;
    private final Progress progress;

    ProgressVisitor(HprofVisitor work, Progress progress) {
        this.work = work;
        this.progress = progress;
    }

    @Override public void header(HprofHeader header) { work.header(header); }
    @Override public void string(long id, HprofInput in, long utf8Pos, int utf8Length) { work.string(id, in, utf8Pos, utf8Length); }
    @Override public void loadClass(int classSerial, long classId, int stackSerial, long nameId) { work.loadClass(classSerial, classId, stackSerial, nameId); }
    @Override public void stackFrame(long frameId, long methodNameId, long signatureId, long sourceFileId, int classSerial, int line) {
        work.stackFrame(frameId, methodNameId, signatureId, sourceFileId, classSerial, line);
    }
    @Override public void stackTrace(int stackSerial, int threadSerial, long[] frameIds) { work.stackTrace(stackSerial, threadSerial, frameIds); }
    @Override public void startThread(int threadSerial, long threadObjectId, int stackSerial, long nameId, long groupNameId, long parentGroupNameId) {
        work.startThread(threadSerial, threadObjectId, stackSerial, nameId, groupNameId, parentGroupNameId);
    }
    @Override public void heapRecord(long offset, long length) {
        progress.update(offset);
        work.heapRecord(offset, length);
    }
    @Override public void gcRoot(GcRootKind kind, long objectId, int threadSerial, int frame) { work.gcRoot(kind, objectId, threadSerial, frame); }
    @Override public void classDump(ClassDump classDump) { work.classDump(classDump); }
    @Override public void instance(long id, long classId, HprofInput in, long fieldsPos, int fieldsLength) { work.instance(id, classId, in, fieldsPos, fieldsLength); }
    @Override public void objectArray(long id, long arrayClassId, int length, HprofInput in, long elementsPos) { work.objectArray(id, arrayClassId, length, in, elementsPos); }
    @Override public void primitiveArray(long id, BasicType elementType, int length, long dataPos) { work.primitiveArray(id, elementType, length, dataPos); }
    @Override public void heapInfo(int heapId, long nameId) { work.heapInfo(heapId, nameId); }
    @Override public void unreachable(long id) { work.unreachable(id); }
    @Override public boolean wantsObjectArrayElements() { return work.wantsObjectArrayElements(); }
    @Override public boolean wantsStrings() { return work.wantsStrings(); }
}
