package org.hprofdiff.core.summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.hprofdiff.core.collect.LongIntMap;
import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.core.format.ClassDump;
import org.hprofdiff.core.format.GcRootKind;
import org.hprofdiff.core.format.HprofHeader;
import org.hprofdiff.core.read.HeapRecordRange;
import org.hprofdiff.core.read.HprofInput;
import org.hprofdiff.core.read.HprofVisitor;
import org.hprofdiff.core.read.ReadResult;
import org.hprofdiff.core.size.ArrayTally;
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
 *
 * <h2>In parallel</h2>
 * The builder is the visitor of a sequential read. For a parallel one it takes the top-level records and
 * the first heap records itself, in file order, until {@link #readyToSplit()} (the first object has been
 * seen: the class mirrors listed before it are then known, and they are measured in every record); then each
 * thread parses its share of the remaining records into a {@link #newPart()}, and {@link #merge} adds the
 * parts back in file order. The result is the summary of one sequential pass, exactly (tested on every kind
 * of dump), except for what no JVM writes and only the order of a sequential pass settles: a class dumped twice
 * in records that different threads parsed, or instances of one class that disagree on their field bytes.
 * {@link #merge} then refuses, and the caller reads the dump sequentially instead.
 */
public final class HistogramBuilder implements HprofVisitor {

    final SizeModelOverrides overrides;
    final StringTable strings = new StringTable();
    HprofHeader header;
    /** The heap content of a sequential read, and of the records before the split in a parallel one; the parts merge into it. */
    HeapTally heap;
    /**
     * Ids of strings starting with '<', which no Java field name does: HotSpot's dumper lists VM data
     * as fake static fields under such names ({@code <resolved_references>}, the constant pool's
     * resolved objects; {@code <init_lock>}, a field of the mirror itself). They take no room among
     * the class's statics.
     */
    final LongIntMap vmFieldNames = new LongIntMap(16);

    public HistogramBuilder(SizeModelOverrides overrides) {
        this.overrides = overrides;
    }

    public HistogramBuilder() {
        this(SizeModelOverrides.NONE);
    }

    /** Sizes, rows and totals of what the pass saw; {@code result} is what the reader returned. */
    public DumpSummary summary(DumpSummary.DumpInfo dump, ReadResult result) {
        return sourcedSummary(dump, result).summary();
    }

    /** The {@link #summary} with what each class row counts, in the dump's terms (for an index of the same dump). */
    public RowSource.Sourced sourcedSummary(DumpSummary.DumpInfo dump, ReadResult result) {
        return new SummaryAssembler(this).assemble(dump, result);
    }

    /**
     * Whether some class loader's object came before any class dump naming it (possible when class
     * dumps follow the objects, as in JDK 22+ parallel dumps): then {@link #loaderPass()} must run.
     */
    public boolean needsLoaderPass() {
        return heap.loaders.unresolved() > 0;
    }

    /**
     * Byte offsets of the heap records a loader pass must read: those whose instance ids span the id of a
     * loader whose object has not been met. A few records, where {@link #needsLoaderPass()} would otherwise
     * mean a second pass over the whole heap.
     */
    public List<HeapRecordRange> loaderRecords(long fileSize) {
        LoaderTable loaders = heap.loaders;
        long[] missing = new long[loaders.size()];
        int n = 0;
        for (int i = 0; i < loaders.size(); i++) if (loaders.unresolved(i)) missing[n++] = loaders.loaderId(i) ^ Long.MIN_VALUE;
        Arrays.sort(missing, 0, n); // as unsigned values (sign bit flipped): ids are unsigned
        RecordLog records = heap.records;
        List<HeapRecordRange> out = new ArrayList<>();
        for (int r = 0; r < records.size(); r++) {
            int at = Arrays.binarySearch(missing, 0, n, records.minInstanceId(r) ^ Long.MIN_VALUE);
            if (at < 0) at = -at - 1; // the first missing id at or above the record's smallest
            if (at < n && records.mayHoldInstance(r, missing[at] ^ Long.MIN_VALUE)) {
                long end = records.offset(r) + HeapRecordRange.HEADER_BYTES + records.length(r);
                out.add(new HeapRecordRange(records.offset(r), records.length(r), end > fileSize));
            }
        }
        return out;
    }

    /** A visitor for a second pass that only finds the classes of the loader objects the first pass missed. */
    public HprofVisitor loaderPass() {
        LoaderTable loaders = heap.loaders;
        return new HprofVisitor() {
            @Override
            public void instance(long id, long classId, HprofInput in, long fieldsPos, int fieldsLength) {
                loaders.instance(id, classId);
            }

            @Override
            public boolean wantsStrings() { return false; }
        };
    }

    /** Whether the heap records still to come may be parsed by {@linkplain #newPart() parts} on other threads. */
    public boolean readyToSplit() {
        return heap != null && heap.gaps.objectsStarted();
    }

    /** A tally for one thread's share of the heap records after the split (it must see them in file order). */
    public HeapTally newPart() {
        if (!readyToSplit()) throw new IllegalStateException("the heap may be split only once the objects have started");
        return new HeapTally(header.idSize(), vmFieldNames, heap);
    }

    /**
     * Adds the parts' counts to this builder's, record by record in file order, so that the summary is the one a
     * sequential pass gives. Returns false, changing nothing, when the parts hold what only a sequential pass can
     * settle (see the class comment): the caller then reads the dump again with a fresh builder.
     */
    public boolean merge(List<HeapTally> parts) {
        if (!consistent(parts)) return false;
        PartMerge.into(heap, parts);
        return true;
    }

    /** No class dumped by two tallies; no class whose instances start with different field bytes in two tallies. */
    private boolean consistent(List<HeapTally> parts) {
        List<HeapTally> all = new ArrayList<>(parts.size() + 1);
        all.add(heap);
        all.addAll(parts);
        LongIntMap dumpedBy = new LongIntMap(1024);
        LongIntMap fieldBytes = new LongIntMap(1024);
        for (int t = 0; t < all.size(); t++) {
            HeapTally tally = all.get(t);
            for (int k = 0; k < tally.classDumps; k++) {
                if (dumpedBy.putIfAbsent(tally.classes.classId[tally.classDumpSlots[k]], t) != t) return false;
            }
            ClassSlots table = tally.classes;
            for (int s = 0; s < table.size(); s++) {
                int bytes = table.fieldBytesInFile[s];
                if (bytes != ClassSlots.NONE && fieldBytes.putIfAbsent(table.classId[s], bytes) != bytes) return false;
            }
        }
        return true;
    }

    @Override
    public void header(HprofHeader h) {
        header = h;
        heap = new HeapTally(h.idSize(), vmFieldNames);
    }

    @Override
    public void string(long id, HprofInput in, long utf8Pos, int utf8Length) {
        if (utf8Length > 0 && in.u1At(utf8Pos) == '<') vmFieldNames.put(id, 0);
        strings.add(id, in, utf8Pos, utf8Length);
    }

    @Override
    public void loadClass(int classSerial, long classId, int stackSerial, long nameId) {
        ClassSlots classes = heap.classes;
        int s = classes.slot(classId); // first: the slot may grow the columns
        classes.nameId[s] = nameId;
    }

    @Override public void heapRecord(long offset, long length) { heap.heapRecord(offset, length); }
    @Override public void gcRoot(GcRootKind kind, long objectId, int threadSerial, int frame) { heap.gcRoot(kind, objectId, threadSerial, frame); }
    @Override public void classDump(ClassDump d) { heap.classDump(d); }
    @Override public void instance(long id, long classId, HprofInput in, long fieldsPos, int fieldsLength) { heap.instance(id, classId, in, fieldsPos, fieldsLength); }
    @Override public void objectArray(long id, long arrayClassId, int length, HprofInput in, long elementsPos) { heap.objectArray(id, arrayClassId, length, in, elementsPos); }
    @Override public void primitiveArray(long id, BasicType elementType, int length, long dataPos) { heap.primitiveArray(id, elementType, length, dataPos); }

    @Override
    public boolean wantsObjectArrayElements() { return false; }

    /** Merges parts into a tally in file order (see {@link HistogramBuilder#merge}). */
    private static final class PartMerge {
        private PartMerge() {}

        /** One record of one part. */
        private record Ref(int part, int record, long offset) {}

        static void into(HeapTally main, List<HeapTally> parts) {
            int[][] slotMap = new int[parts.size()][];
            List<Ref> refs = new ArrayList<>();
            for (int p = 0; p < parts.size(); p++) {
                HeapTally part = parts.get(p);
                slotMap[p] = new int[part.classes.size()];
                for (int r = 0; r < part.records.size(); r++) refs.add(new Ref(p, r, part.records.offset(r)));
            }
            refs.sort(Comparator.comparingLong(Ref::offset));
            // what is ordered goes in record by record: new classes, class dumps, array-gap samples, late mirrors
            for (Ref ref : refs) {
                HeapTally part = parts.get(ref.part);
                RecordLog log = part.records;
                int r = ref.record;
                boolean last = r + 1 == log.size();
                int slotsEnd = last ? part.classes.size() : log.slotsStart(r + 1);
                for (int s = log.slotsStart(r); s < slotsEnd; s++) slotMap[ref.part][s] = main.classes.slot(part.classes.classId[s]);
                int dumpsEnd = last ? part.classDumps : log.classDumpsStart(r + 1);
                for (int k = log.classDumpsStart(r); k < dumpsEnd; k++) takeClassDump(main, part, part.classDumpSlots[k], slotMap[ref.part]);
                main.inference.absorb(part.inference, log.samplesStart(r), last ? part.inference.arraySamples() : log.samplesStart(r + 1));
                main.gaps.appendLateMirrors(part.gaps, log.lateMirrorsStart(r), last ? part.gaps.lateMirrorCount() : log.lateMirrorsStart(r + 1));
                main.records.append(log, r);
            }
            // what adds up goes in part by part
            for (int p = 0; p < parts.size(); p++) {
                HeapTally part = parts.get(p);
                int[] map = slotMap[p];
                for (int s = 0; s < part.classes.size(); s++) main.classes.absorbObjects(map[s], part.classes, s);
                main.gaps.absorbEarlyGaps(part.gaps);
                for (int t = 0; t < main.primitiveArrays.length; t++) {
                    if (main.primitiveArrays[t] != null) main.primitiveArrays[t].add(part.primitiveArrays[t]);
                }
                main.longArrays.addAll(part.longArrays, s -> map[s]);
                for (int k = 0; k < main.roots.length; k++) main.roots[k] += part.roots[k];
                main.loaders.absorbClasses(part.loaders);
            }
        }

        /** As {@link HeapTally#classDump} takes a class dump: numbered in file order, its loader noted after it. */
        private static void takeClassDump(HeapTally main, HeapTally part, int partSlot, int[] map) {
            int s = map[partSlot];
            if (main.classDumps == main.classDumpSlots.length) main.classDumpSlots = Arrays.copyOf(main.classDumpSlots, main.classDumps * 2);
            main.classDumpSlots[main.classDumps] = s;
            main.classes.takeClassDump(s, part.classes, partSlot, main.classDumps++);
            long loaderId = main.classes.loaderId[s];
            if (loaderId != 0) main.loaders.definesClasses(loaderId, main.classDumps);
        }
    }
}
