package org.hprofdiff.core.summary;

import org.hprofdiff.core.collect.LongIntMap;
import java.util.Arrays;
import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.core.size.ArrayTally;
import org.hprofdiff.core.size.FieldLayout;
import org.hprofdiff.core.size.MirrorSizes;

/**
 * What the histogram pass keeps per class id, column by column (one slot per class, no object per
 * object). A slot is made when the id is first seen: by its LOAD_CLASS, its CLASS_DUMP, or an object
 * of the class, whichever comes first (JDK 22+ dumps may deliver instances before their class).
 */
final class ClassSlots {
    static final int NONE = -1;

    private final LongIntMap slots = new LongIntMap(4096);
    private int size;

    long[] classId = new long[1024];
    long[] nameId = new long[1024];
    /** Order of the CLASS_DUMP in the file, or NONE when the dump has no class dump for the id. */
    int[] dumpOrder = new int[1024];
    long[] superId = new long[1024];
    long[] loaderId = new long[1024];
    /** Own instance fields (superclasses not included); null without a class dump. */
    FieldLayout.OwnFields[] ownFields = new FieldLayout.OwnFields[1024];
    /** Static fields as the mirror holds them (the dumper's fake "<...>" statics left out). */
    int[] staticPrimitiveBytes = new int[1024];
    int[] staticReferences = new int[1024];
    boolean[] staticWide = new boolean[1024];
    MirrorSizes.Statics statics(int slot) {
        return new MirrorSizes.Statics(staticPrimitiveBytes[slot], staticReferences[slot], staticWide[slot]);
    }

    /** INSTANCE_DUMP records of the class. */
    long[] instances = new long[1024];
    /** Field bytes per instance in the file (the first seen), NONE before the first instance. */
    int[] fieldBytesInFile = new int[1024];
    /** Instances whose field bytes differ from the first one's (a damaged dump). */
    long[] fieldBytesMismatches = new long[1024];
    /** Smallest distance from an instance to the next object in its heap record (an upper bound of the size). */
    long[] smallestGap = new long[1024];
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

    /**
     * Whether the first field-byte count seen for two slots of one class (this table's and another part's)
     * is the same, or one part saw no instance: only then do their mismatch counts add up to what one pass
     * in file order counts.
     */
    boolean sameFieldBytes(int slot, ClassSlots part, int partSlot) {
        int mine = fieldBytesInFile[slot], theirs = part.fieldBytesInFile[partSlot];
        return mine == NONE || theirs == NONE || mine == theirs;
    }

    /** Adds what another part of the dump counted for the same class (instances, field bytes, gaps, arrays). */
    void absorbObjects(int slot, ClassSlots part, int partSlot) {
        instances[slot] += part.instances[partSlot];
        if (fieldBytesInFile[slot] == NONE) fieldBytesInFile[slot] = part.fieldBytesInFile[partSlot];
        fieldBytesMismatches[slot] += part.fieldBytesMismatches[partSlot];
        smallestGap[slot] = Math.min(smallestGap[slot], part.smallestGap[partSlot]);
        ArrayTally theirs = part.arrays[partSlot];
        if (theirs != null) {
            if (arrays[slot] == null) arrays[slot] = new ArrayTally(BasicType.OBJECT);
            arrays[slot].add(theirs);
        }
    }

    /** Takes the class dump another part read for the same class, as the class's {@code order}-th class dump. */
    void takeClassDump(int slot, ClassSlots part, int partSlot, int order) {
        dumpOrder[slot] = order;
        superId[slot] = part.superId[partSlot];
        loaderId[slot] = part.loaderId[partSlot];
        ownFields[slot] = part.ownFields[partSlot];
        staticPrimitiveBytes[slot] = part.staticPrimitiveBytes[partSlot];
        staticReferences[slot] = part.staticReferences[partSlot];
        staticWide[slot] = part.staticWide[partSlot];
    }

    void gapAfterInstance(int slot, long gap) {
        if (gap < smallestGap[slot]) smallestGap[slot] = gap;
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
        ownFields = Arrays.copyOf(ownFields, n);
        staticPrimitiveBytes = Arrays.copyOf(staticPrimitiveBytes, n);
        staticReferences = Arrays.copyOf(staticReferences, n);
        staticWide = Arrays.copyOf(staticWide, n);
        instances = Arrays.copyOf(instances, n);
        fieldBytesInFile = Arrays.copyOf(fieldBytesInFile, n);
        fieldBytesMismatches = Arrays.copyOf(fieldBytesMismatches, n);
        smallestGap = Arrays.copyOf(smallestGap, n);
        arrays = Arrays.copyOf(arrays, n);
    }
}
