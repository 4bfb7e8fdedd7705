package org.hprofdiff.index.build;

import java.util.ArrayList;
import java.util.List;
import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.core.format.ClassDump;
import org.hprofdiff.index.graph.ClassInfo;
import org.hprofdiff.index.graph.ClassTable;

/**
 * Class look-ups of the second pass, built once and read by all workers: class id → class index
 * (placeholders included), class-dump ordinal → class index, and the ids each class object refers to.
 */
final class ClassResolver {
    private final LongIntMap byId;
    private final LongIntMap byClassDumpOrdinal;
    private final long[][] classObjectReferences;
    private final int unknownInstanceClass;
    private final int unknownArrayClass;

    ClassResolver(ClassTable classes, FirstPass p1) {
        byId = new LongIntMap(classes.size());
        int unknownInstance = -1;
        int unknownArray = -1;
        for (ClassInfo c : classes.all()) {
            if (c.classId() != 0) byId.putIfAbsent(c.classId(), c.index());
            else if (c.placeholder() && c.name().equals("<unknown class>")) unknownInstance = c.index();
            else if (c.placeholder() && c.name().equals("[L<unknown class>;")) unknownArray = c.index();
        }
        unknownInstanceClass = unknownInstance;
        unknownArrayClass = unknownArray;
        byClassDumpOrdinal = new LongIntMap(p1.classDumps.size());
        classObjectReferences = new long[classes.size()][];
        for (int i = 0; i < p1.classDumps.size(); i++) {
            byClassDumpOrdinal.putIfAbsent(p1.classDumpOrdinals.get(i) + 1, i); // +1: key 0 is reserved
            ClassDump c = p1.classDumps.get(i);
            List<Long> refs = new ArrayList<>();
            for (long id : new long[] {c.superId(), c.loaderId(), c.signersId(), c.protectionDomainId()}) if (id != 0) refs.add(id);
            for (ClassDump.StaticField s : c.statics()) if (s.type() == BasicType.OBJECT && s.value() != 0) refs.add(s.value());
            classObjectReferences[i] = refs.stream().mapToLong(Long::longValue).toArray();
        }
        for (int i = p1.classDumps.size(); i < classes.size(); i++) classObjectReferences[i] = new long[0];
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

    int classOfClassDumpAt(long ordinal) {
        return byClassDumpOrdinal.get(ordinal + 1);
    }

    long[] classObjectReferences(int cls) {
        return classObjectReferences[cls];
    }
}
