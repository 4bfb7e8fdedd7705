package org.hprofdiff.index.build;

import org.hprofdiff.core.collect.LongIntMap;
import java.util.ArrayList;
import java.util.List;
import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.index.table.ClassInfo;
import org.hprofdiff.index.table.ClassTable;

/**
 * Class look-ups for decoding objects, built once from the class table and read by all workers:
 * class id → class index (placeholders included), class-object ordinal → class index, the ids each
 * class object refers to, and which references do not keep their target alive: the {@code referent}
 * field declared by {@code java.lang.ref.Reference} (in instances of every subclass) and the static
 * {@code java.lang.ref.Finalizer.unfinalized} (the finalizer queue) — docs/semantics.md, section 3.
 */
final class ClassResolver {
    static final String REFERENCE = "java/lang/ref/Reference";
    static final String FINALIZER = "java/lang/ref/Finalizer";

    private final LongIntMap byId;
    private final LongIntMap byClassOrdinal;
    private final long[][] classObjectReferences;
    private final long[][] classObjectOrigins;
    private final boolean[][] classObjectWeak;
    private final int[] referentOffset;
    /** Per class index, flattened for the decoder's hot path: class object ordinal, instance size, layout. */
    final long[] classOrdinal;
    final long[] instanceSize;
    final int[] fieldBytesInFile;
    final boolean[] placeholder;
    final int[][] referenceOffsets;
    final int[][] referenceSlots;
    /** Class index of primitive arrays by basic type code, -1 when none. */
    final int[] primitiveArrayClass = new int[16];
    private final int unknownInstanceClass;
    private final int unknownArrayClass;

    ClassResolver(ClassTable classes) {
        byId = new LongIntMap(classes.size());
        byClassOrdinal = new LongIntMap(classes.size());
        int unknownInstance = -1;
        int unknownArray = -1;
        for (ClassInfo c : classes.all()) {
            if (c.classId() != 0) byId.putIfAbsent(c.classId(), c.index());
            else if (c.placeholder() && c.name().equals("<unknown class>")) unknownInstance = c.index();
            else if (c.placeholder() && c.name().equals("[L<unknown class>;")) unknownArray = c.index();
            if (c.ordinal() >= 0) byClassOrdinal.putIfAbsent(c.ordinal() + 1, c.index()); // +1: key 0 is reserved
        }
        unknownInstanceClass = unknownInstance;
        unknownArrayClass = unknownArray;
        int reference = bootstrapClass(classes, REFERENCE);
        classObjectReferences = new long[classes.size()][];
        classObjectOrigins = new long[classes.size()][];
        classObjectWeak = new boolean[classes.size()][];
        referentOffset = new int[classes.size()];
        int n = classes.size();
        classOrdinal = new long[n];
        instanceSize = new long[n];
        fieldBytesInFile = new int[n];
        placeholder = new boolean[n];
        referenceOffsets = new int[n][];
        referenceSlots = new int[n][];
        for (ClassInfo c : classes.all()) {
            int i = c.index();
            classOrdinal[i] = c.ordinal();
            instanceSize[i] = c.instanceSize();
            fieldBytesInFile[i] = classes.fieldBytesInFile(i);
            placeholder[i] = c.placeholder();
            referenceOffsets[i] = classes.referenceOffsets(i);
            referenceSlots[i] = classes.referenceSlots(i);
        }
        java.util.Arrays.fill(primitiveArrayClass, -1);
        for (BasicType t : BasicType.values()) if (t != BasicType.OBJECT) primitiveArrayClass[t.code] = classes.primitiveArrayClass(t);
        for (ClassInfo c : classes.all()) {
            List<long[]> refs = new ArrayList<>(); // {id, origin, weak}
            if (!c.placeholder()) {
                long[][] fixed = {{c.superId(), EdgeSink.SUPER}, {c.loaderId(), EdgeSink.LOADER}, {c.signersId(), EdgeSink.SIGNERS},
                        {c.protectionDomainId(), EdgeSink.PROTECTION_DOMAIN}};
                for (long[] f : fixed) if (f[0] != 0) refs.add(new long[] {f[0], f[1], 0});
                boolean finalizer = c.name().equals(FINALIZER) && c.loaderId() == 0;
                for (int s = 0; s < c.statics().size(); s++) {
                    ClassInfo.Static st = c.statics().get(s);
                    if (st.type() == BasicType.OBJECT && st.value() != 0) {
                        refs.add(new long[] {st.value(), s, finalizer && st.name().equals("unfinalized") ? 1 : 0});
                    }
                }
            }
            int count = refs.size();
            classObjectReferences[c.index()] = new long[count];
            classObjectOrigins[c.index()] = new long[count];
            classObjectWeak[c.index()] = new boolean[count];
            for (int i = 0; i < count; i++) {
                classObjectReferences[c.index()][i] = refs.get(i)[0];
                classObjectOrigins[c.index()][i] = refs.get(i)[1];
                classObjectWeak[c.index()][i] = refs.get(i)[2] != 0;
            }
            referentOffset[c.index()] = referentOffset(classes, c.index(), reference);
        }
    }

    private static int bootstrapClass(ClassTable classes, String name) {
        for (int i : classes.indicesOfName(name)) {
            ClassInfo c = classes.get(i);
            if (!c.placeholder() && c.loaderId() == 0) return i;
        }
        return -1;
    }

    /** Offset of Reference.referent in instances of {@code cls}, or -1 when it is not a Reference. */
    private static int referentOffset(ClassTable classes, int cls, int reference) {
        if (reference < 0) return -1;
        for (ClassTable.FieldSlot f : classes.layout(cls)) {
            if (f.declaringClass() == reference && f.name().equals("referent") && f.type() == BasicType.OBJECT) return f.offset();
        }
        return -1;
    }

    int instanceClass(long classId) {
        int i = classId == 0 ? unknownInstanceClass : byId.get(classId);
        if (i < 0) throw new IllegalStateException("class id 0x" + Long.toHexString(classId) + " was not seen in the first pass");
        return i;
    }

    int arrayClass(long classId) {
        int i = classId == 0 ? unknownArrayClass : byId.get(classId);
        if (i < 0) throw new IllegalStateException("array class id 0x" + Long.toHexString(classId) + " was not seen in the first pass");
        return i;
    }

    /** The class a class object (CLASS_DUMP record) with this ordinal stands for, or -1. */
    int classOfClassObject(long ordinal) {
        return byClassOrdinal.get(ordinal + 1);
    }

    long[] classObjectReferences(int cls) { return classObjectReferences[cls]; }

    long[] classObjectOrigins(int cls) { return classObjectOrigins[cls]; }

    boolean[] classObjectWeak(int cls) { return classObjectWeak[cls]; }

    /** Offset of the referent field in this class's instances, -1 if it has none. */
    int referentOffset(int cls) { return referentOffset[cls]; }
}
