package org.hprofdiff.core.read;

import org.hprofdiff.core.format.HprofHeader;

/**
 * Sends non-heap records to one visitor and heap content to another: a sequential read that looks like a
 * parallel one to its caller (gzip dumps, which cannot be read out of order).
 */
final class SplitVisitor extends ForwardingVisitor {
    private final HprofVisitor topLevel;

    SplitVisitor(HprofVisitor topLevel, HprofVisitor heap) {
        super(heap);
        this.topLevel = topLevel;
    }

    @Override public void header(HprofHeader header) { topLevel.header(header); delegate.header(header); }
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
}
