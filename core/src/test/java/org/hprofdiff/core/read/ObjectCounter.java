package org.hprofdiff.core.read;

import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.core.format.ClassDump;
import org.hprofdiff.core.format.GcRootKind;

/** Test visitor: counts records by kind. */
final class ObjectCounter implements HprofVisitor {
    long instances, objectArrays, primitiveArrays, classDumps, roots, strings, loadClasses;

    long objects() { return instances + objectArrays + primitiveArrays; }

    @Override public void string(long id, HprofInput in, long utf8Pos, int utf8Length) { strings++; }
    @Override public void loadClass(int classSerial, long classId, int stackSerial, long nameId) { loadClasses++; }
    @Override public void gcRoot(GcRootKind kind, long objectId, int threadSerial, int frame) { roots++; }
    @Override public void classDump(ClassDump classDump) { classDumps++; }
    @Override public void instance(long id, long classId, HprofInput in, long fieldsPos, int fieldsLength) { instances++; }
    @Override public void objectArray(long id, long arrayClassId, int length, HprofInput in, long elementsPos) { objectArrays++; }
    @Override public void primitiveArray(long id, BasicType elementType, int length, long dataPos) { primitiveArrays++; }
}
