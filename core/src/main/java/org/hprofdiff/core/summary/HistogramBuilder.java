package org.hprofdiff.core.summary;

import org.hprofdiff.core.collect.LongIntMap;
import java.util.EnumMap;
import java.util.Map;
import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.core.format.ClassDump;
import org.hprofdiff.core.format.GcRootKind;
import org.hprofdiff.core.format.HprofHeader;
import org.hprofdiff.core.read.HprofInput;
import org.hprofdiff.core.read.HprofVisitor;
import org.hprofdiff.core.read.ReadResult;
import org.hprofdiff.core.size.ArrayTally;
import org.hprofdiff.core.size.FieldLayout;
import org.hprofdiff.core.size.SizeModelInference;
import org.hprofdiff.core.size.SizeModelOverrides;

/**
 * Builds a {@link DumpSummary} (the class histogram and the totals) in one pass over a dump.
 *
 * <p>Memory grows with the number of classes, never with the number of objects: per object the pass
 * does one look-up in a primitive map (class id to slot) and bumps counters.
 *
 * <p>Sizes need the layout ({@link org.hprofdiff.core.size.SizeModel}), which is inferred from the
 * same pass (object addresses), so nothing is sized while counting. Instances of a class all have one
 * size, so a count per class suffices. Arrays differ by length; rather than pre-scanning part of the
 * dump to guess the layout first (a second read, and a guess), each array class keeps an
 * {@link ArrayTally} from which the exact total under the final layout is computed at the end.
 * Class layouts are resolved at the end too, since a class dump may come after its instances.
 */
public final class HistogramBuilder implements HprofVisitor {

    final SizeModelOverrides overrides;
    final ClassTable classes = new ClassTable();
    final StringTable strings = new StringTable();
    final ArrayTally[] primitiveArrays = new ArrayTally[BasicType.values().length];
    final LongArrayCounter longArrays = new LongArrayCounter();
    final LoaderTable loaders = new LoaderTable();
    final Map<GcRootKind, long[]> roots = new EnumMap<>(GcRootKind.class);
    HprofHeader header;
    SizeModelInference inference;
    GapTracker gaps;
    /**
     * Ids of strings starting with '<', which no Java field name does: HotSpot's dumper lists VM data
     * as fake static fields under such names ({@code <resolved_references>}, the constant pool's
     * resolved objects; {@code <init_lock>}, a field of the mirror itself). They take no room among
     * the class's statics.
     */
    final LongIntMap vmFieldNames = new LongIntMap(16);
    int classDumps;

    public HistogramBuilder(SizeModelOverrides overrides) {
        this.overrides = overrides;
        for (BasicType t : BasicType.values()) if (t.isPrimitive()) primitiveArrays[t.ordinal()] = new ArrayTally(t);
    }

    public HistogramBuilder() {
        this(SizeModelOverrides.NONE);
    }

    /** Sizes, rows and totals of what the pass saw; {@code result} is what the reader returned. */
    public DumpSummary summary(DumpSummary.DumpInfo dump, ReadResult result) {
        return new SummaryAssembler(this).assemble(dump, result);
    }

    /**
     * Whether some class loader's object came before any class dump naming it (possible when class
     * dumps follow the objects, as in JDK 22+ parallel dumps): then {@link #loaderPass()} must run.
     */
    public boolean needsLoaderPass() {
        return loaders.unresolved() > 0;
    }

    /** A visitor for a second pass that only finds the classes of the loader objects the first pass missed. */
    public HprofVisitor loaderPass() {
        return new HprofVisitor() {
            @Override
            public void instance(long id, long classId, HprofInput in, long fieldsPos, int fieldsLength) {
                loaders.instance(id, classId);
            }

            @Override
            public boolean wantsStrings() { return false; }
        };
    }

    @Override
    public void header(HprofHeader h) {
        header = h;
        inference = new SizeModelInference(h.idSize());
        gaps = new GapTracker(classes, inference);
    }

    @Override
    public void string(long id, HprofInput in, long utf8Pos, int utf8Length) {
        if (utf8Length > 0 && in.u1At(utf8Pos) == '<') vmFieldNames.put(id, 0);
        strings.add(id, in, utf8Pos, utf8Length);
    }

    @Override
    public void loadClass(int classSerial, long classId, int stackSerial, long nameId) {
        int s = classes.slot(classId); // first: the slot may grow the columns
        classes.nameId[s] = nameId;
    }

    @Override
    public void heapRecord(long offset, long length) {
        gaps.newRun();
    }

    @Override
    public void gcRoot(GcRootKind kind, long objectId, int threadSerial, int frame) {
        roots.computeIfAbsent(kind, k -> new long[1])[0]++;
    }

    @Override
    public void classDump(ClassDump d) {
        int s = classes.slot(d.classId());
        if (classes.dumpOrder[s] != ClassTable.NONE) return; // the same class twice: count it once
        gaps.classDump(d.classId());
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
}
