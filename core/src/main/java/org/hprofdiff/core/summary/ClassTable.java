package org.hprofdiff.core.summary;

import java.util.Arrays;
import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.core.size.ArrayTally;

/**
 * What the histogram pass keeps per class id, column by column (one slot per class, no object per
 * object). A slot is made when the id is first seen: by its LOAD_CLASS, its CLASS_DUMP, or an object
 * of the class, whichever comes first (JDK 22+ dumps may deliver instances before their class).
 */
final class ClassTable {
    static final int NONE = -1;

    private final LongIntMap slots = new LongIntMap(4096);
    private int size;

    long[] classId = new long[1024];
    long[] nameId = new long[1024];
    /** Order of the CLASS_DUMP in the file, or NONE when the dump has no class dump for the id. */
    int[] dumpOrder = new int[1024];
    long[] superId = new long[1024];
    long[] loaderId = new long[1024];
    /** Own instance fields (superclasses not included): primitive bytes and reference count. */
    int[] ownPrimitiveBytes = new int[1024];
    int[] ownReferences = new int[1024];
    /** Static fields as the mirror holds them (the dumper's fake "<...>" statics left out). */
    int[] staticPrimitiveBytes = new int[1024];
    int[] staticReferences = new int[1024];
    /** INSTANCE_DUMP records of the class. */
    long[] instances = new long[1024];
    /** Field bytes per instance in the file (the first seen), NONE before the first instance. */
    int[] fieldBytesInFile = new int[1024];
    /** Instances whose field bytes differ from the first one's (a damaged dump). */
    long[] fieldBytesMismatches = new long[1024];
    /** Smallest distance from an instance to the next object in its heap record, and how often it occurred. */
    long[] smallestGap = new long[1024];
    long[] smallestGapCount = new long[1024];
    /** Object arrays of this array class; null until the first one. */
    ArrayTally[] arrays = new ArrayTally[1024];

    int size() { return size; }

    int slot(long id) {
        int s = slots.get(id);
        return s != LongIntMap.ABSENT ? s : add(id);
    }

    /** The slot of a class id, or NONE. */
    int find(long id) {
        int s = slots.get(id);
        return s == LongIntMap.ABSENT ? NONE : s;
    }

    void instance(int slot, int fieldBytes) {
        instances[slot]++;
        int seen = fieldBytesInFile[slot];
        if (seen != fieldBytes) {
            if (seen == NONE) fieldBytesInFile[slot] = fieldBytes;
            else fieldBytesMismatches[slot]++;
        }
    }

    void objectArray(int slot, int length) {
        ArrayTally t = arrays[slot];
        if (t == null) arrays[slot] = t = new ArrayTally(BasicType.OBJECT);
        t.add(length);
    }

    void gapAfterInstance(int slot, long gap) {
        long smallest = smallestGap[slot];
        if (gap < smallest) {
            smallestGap[slot] = gap;
            smallestGapCount[slot] = 1;
        } else if (gap == smallest) {
            smallestGapCount[slot]++;
        }
    }

    private int add(long id) {
        if (size == classId.length) grow();
        int s = size++;
        classId[s] = id;
        dumpOrder[s] = NONE;
        fieldBytesInFile[s] = NONE;
        smallestGap[s] = Long.MAX_VALUE;
        slots.put(id, s);
        return s;
    }

    private void grow() {
        int n = classId.length * 2;
        classId = Arrays.copyOf(classId, n);
        nameId = Arrays.copyOf(nameId, n);
        dumpOrder = Arrays.copyOf(dumpOrder, n);
        superId = Arrays.copyOf(superId, n);
        loaderId = Arrays.copyOf(loaderId, n);
        ownPrimitiveBytes = Arrays.copyOf(ownPrimitiveBytes, n);
        ownReferences = Arrays.copyOf(ownReferences, n);
        staticPrimitiveBytes = Arrays.copyOf(staticPrimitiveBytes, n);
        staticReferences = Arrays.copyOf(staticReferences, n);
        instances = Arrays.copyOf(instances, n);
        fieldBytesInFile = Arrays.copyOf(fieldBytesInFile, n);
        fieldBytesMismatches = Arrays.copyOf(fieldBytesMismatches, n);
        smallestGap = Arrays.copyOf(smallestGap, n);
        smallestGapCount = Arrays.copyOf(smallestGapCount, n);
        arrays = Arrays.copyOf(arrays, n);
    }
}
