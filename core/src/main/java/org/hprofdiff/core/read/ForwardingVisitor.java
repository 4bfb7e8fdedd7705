package org.hprofdiff.core.read;

import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.core.format.ClassDump;
import org.hprofdiff.core.format.GcRootKind;
import org.hprofdiff.core.format.HprofHeader;

/**
 * Passes every callback to a delegate; a subclass overrides only what it adds (progress, splitting
 * records between visitors). Forwarding is one direct call per callback, inlined when the delegate's
 * class is the only one seen at the call site.
 */
public class ForwardingVisitor implements HprofVisitor {
    protected final HprofVisitor delegate;

    public ForwardingVisitor(HprofVisitor delegate) {
        this.delegate = delegate;
    }

    @Override public void header(HprofHeader header) { delegate.header(header); }
    @Override public void string(long id, HprofInput in, long utf8Pos, int utf8Length) { delegate.string(id, in, utf8Pos, utf8Length); }
    @Override public void loadClass(int classSerial, long classId, int stackSerial, long nameId) { delegate.loadClass(classSerial, classId, stackSerial, nameId); }
    @Override public void stackFrame(long frameId, long methodNameId, long signatureId, long sourceFileId, int classSerial, int line) {
        delegate.stackFrame(frameId, methodNameId, signatureId, sourceFileId, classSerial, line);
    }
    @Override public void stackTrace(int stackSerial, int threadSerial, long[] frameIds) { delegate.stackTrace(stackSerial, threadSerial, frameIds); }
    @Override public void startThread(int threadSerial, long threadObjectId, int stackSerial, long nameId, long groupNameId, long parentGroupNameId) {
        delegate.startThread(threadSerial, threadObjectId, stackSerial, nameId, groupNameId, parentGroupNameId);
    }
    @Override public void heapRecord(long offset, long length) { delegate.heapRecord(offset, length); }
    @Override public void gcRoot(GcRootKind kind, long objectId, int threadSerial, int frame) { delegate.gcRoot(kind, objectId, threadSerial, frame); }
    @Override public void classDump(ClassDump classDump) { delegate.classDump(classDump); }
    @Override public void instance(long id, long classId, HprofInput in, long fieldsPos, int fieldsLength) { delegate.instance(id, classId, in, fieldsPos, fieldsLength); }
    @Override public void objectArray(long id, long arrayClassId, int length, HprofInput in, long elementsPos) { delegate.objectArray(id, arrayClassId, length, in, elementsPos); }
    @Override public void primitiveArray(long id, BasicType elementType, int length, long dataPos) { delegate.primitiveArray(id, elementType, length, dataPos); }
    @Override public void heapInfo(int heapId, long nameId) { delegate.heapInfo(heapId, nameId); }
    @Override public void unreachable(long id) { delegate.unreachable(id); }
    @Override public boolean wantsObjectArrayElements() { return delegate.wantsObjectArrayElements(); }
    @Override public boolean wantsStrings() { return delegate.wantsStrings(); }
}
