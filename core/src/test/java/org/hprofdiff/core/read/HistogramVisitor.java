package org.hprofdiff.core.read;

import org.hprofdiff.core.format.BasicType;

/**
 * A histogram-like pass: instances counted by class id, object arrays by array class id, primitive
 * arrays by element type, with the bytes of data each holds in the file. What `histogram` does minus
 * naming and sizing, so that its speed is the reader's speed.
 */
class HistogramVisitor implements HprofVisitor {
    final ClassCounts byClass = new ClassCounts();
    final long[] primitiveCounts = new long[16];
    final long[] primitiveElements = new long[16];
    long instances, objectArrays, primitiveArrays, classDumps, roots;

    long objects() { return instances + objectArrays + primitiveArrays; }

    @Override
    public void instance(long id, long classId, HprofInput in, long fieldsPos, int fieldsLength) {
        instances++;
        byClass.add(classId, fieldsLength);
    }

    @Override
    public void objectArray(long id, long arrayClassId, int length, HprofInput in, long elementsPos) {
        objectArrays++;
        byClass.add(arrayClassId, length);
    }

    @Override
    public void primitiveArray(long id, BasicType elementType, int length, long dataPos) {
        primitiveArrays++;
        primitiveCounts[elementType.code]++;
        primitiveElements[elementType.code] += length;
    }

    @Override
    public void classDump(org.hprofdiff.core.format.ClassDump classDump) { classDumps++; }

    @Override
    public void gcRoot(org.hprofdiff.core.format.GcRootKind kind, long objectId, int threadSerial, int frame) { roots++; }

    @Override
    public boolean wantsStrings() { return false; }

    void addAll(HistogramVisitor other) {
        byClass.addAll(other.byClass);
        for (int i = 0; i < primitiveCounts.length; i++) {
            primitiveCounts[i] += other.primitiveCounts[i];
            primitiveElements[i] += other.primitiveElements[i];
        }
        instances += other.instances;
        objectArrays += other.objectArrays;
        primitiveArrays += other.primitiveArrays;
        classDumps += other.classDumps;
        roots += other.roots;
    }
}
