package org.hprofdiff.core.summary;

import java.util.Arrays;
import org.hprofdiff.core.collect.LongIntMap;
import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.core.format.ClassDump;
import org.hprofdiff.core.format.GcRootKind;
import org.hprofdiff.core.read.HprofInput;
import org.hprofdiff.core.read.HprofVisitor;
import org.hprofdiff.core.size.ArrayTally;
import org.hprofdiff.core.size.FieldLayout;
import org.hprofdiff.core.size.SizeModelInference;

/**
 * What the histogram counts in heap records: per class instances, arrays and the smallest gap after an
 * instance, class dumps, primitive arrays, long arrays by length, GC roots, the address gaps the size model
 * is inferred from, and which class each loader object has. Memory grows with the number of classes, never
 * with the number of objects.
 *
 * <p>A {@link HistogramBuilder} has one tally of its own, which sees the heap records of a sequential read.
 * A parallel read gives each thread a part ({@link HistogramBuilder#newPart()}) once the objects have
 * started, and merges the parts into the builder's tally afterwards. A part must see its records in file
 * order (any subset of them); its {@link RecordLog} says which records it saw and where each one's share of
 * its ordered lists starts, so that the merge can put everything back in file order.
 */
public final class HeapTally implements HprofVisitor {
    final ClassSlots classes = new ClassSlots();
    final SizeModelInference inference;
    final GapTracker gaps;
    final ArrayTally[] primitiveArrays = new ArrayTally[BasicType.values().length];
    final LongArrayCounter longArrays = new LongArrayCounter();
    final LoaderTable loaders;
    final long[] roots = new long[GcRootKind.values().length];
    final RecordLog records = new RecordLog();
    /** Class dumps taken (duplicates of a class not counted). */
    int classDumps;
    /** The slot of each class dump taken, in file order. */
    int[] classDumpSlots = new int[256];
    /** The builder's: string ids of the dumper's fake "&lt;...&gt;" statics (read only once heap parsing starts). */
    private final LongIntMap vmFieldNames;

    /** The builder's own tally. */
    HeapTally(int idSize, LongIntMap vmFieldNames) {
        this.vmFieldNames = vmFieldNames;
        this.inference = new SizeModelInference(idSize);
        this.gaps = new GapTracker(classes, inference);
        this.loaders = new LoaderTable();
        initPrimitives();
    }

    /** A part for another thread: the mirrors and loaders {@code main} saw before the objects started are shared. */
    HeapTally(int idSize, LongIntMap vmFieldNames, HeapTally main) {
        this.vmFieldNames = vmFieldNames;
        this.inference = new SizeModelInference(idSize);
        this.gaps = new GapTracker(classes, inference, main.gaps);
        this.loaders = new LoaderTable(main.loaders);
        initPrimitives();
    }

    private void initPrimitives() {
        for (BasicType t : BasicType.values()) if (t.isPrimitive()) primitiveArrays[t.ordinal()] = new ArrayTally(t);
    }

    @Override
    public void heapRecord(long offset, long length) {
        records.start(offset, length, classes.size(), inference.arraySamples(), gaps.lateMirrorCount(), classDumps);
        gaps.newRun();
    }

    @Override
    public void gcRoot(GcRootKind kind, long objectId, int threadSerial, int frame) {
        roots[kind.ordinal()]++;
    }

    @Override
    public void classDump(ClassDump d) {
        int s = classes.slot(d.classId());
        if (classes.dumpOrder[s] != ClassSlots.NONE) return; // the same class twice: count it once
        gaps.classDump(d.classId());
        if (classDumps == classDumpSlots.length) classDumpSlots = Arrays.copyOf(classDumpSlots, classDumps * 2);
        classDumpSlots[classDumps] = s;
        classes.dumpOrder[s] = classDumps++;
        classes.superId[s] = d.superId();
        classes.loaderId[s] = d.loaderId();
        classes.ownFields[s] = FieldLayout.OwnFields.of(d.fields().stream().map(ClassDump.FieldDecl::type).toList());
        int staticPrimitive = 0, staticReferences = 0;
        boolean wide = false;
        for (ClassDump.StaticField f : d.statics()) {
            if (vmFieldNames.get(f.nameId()) != LongIntMap.ABSENT) continue;
            if (f.type() != BasicType.OBJECT) staticPrimitive += f.type().primitiveSize;
            else staticReferences++;
            wide |= f.type().primitiveSize == 8;
        }
        classes.staticPrimitiveBytes[s] = staticPrimitive;
        classes.staticReferences[s] = staticReferences;
        classes.staticWide[s] = wide;
        if (d.loaderId() != 0) loaders.definesClasses(d.loaderId(), classDumps);
    }

    @Override
    public void instance(long id, long classId, HprofInput in, long fieldsPos, int fieldsLength) {
        int s = classes.slot(classId);
        classes.instance(s, fieldsLength);
        loaders.instance(id, classId);
        gaps.instance(id, s);
        records.instance(id);
    }

    @Override
    public void objectArray(long id, long arrayClassId, int length, HprofInput in, long elementsPos) {
        int s = classes.slot(arrayClassId);
        classes.objectArray(s, length);
        if (length >= LongArrayCounter.MIN_LENGTH) longArrays.add(s, length);
        gaps.array(id, BasicType.OBJECT, length);
    }

    @Override
    public void primitiveArray(long id, BasicType elementType, int length, long dataPos) {
        primitiveArrays[elementType.ordinal()].add(length);
        gaps.array(id, elementType, length);
    }

    @Override
    public boolean wantsObjectArrayElements() { return false; }

    @Override
    public boolean wantsStrings() { return false; }
}
