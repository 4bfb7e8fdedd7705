package org.hprofdiff.core.summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.core.format.GcRootKind;
import org.hprofdiff.core.read.ReadResult;
import org.hprofdiff.core.size.ArrayTally;
import org.hprofdiff.core.size.FieldLayout;
import org.hprofdiff.core.size.InstanceSizes;
import org.hprofdiff.core.size.MirrorSizes;
import org.hprofdiff.core.size.SizeModel;
import org.hprofdiff.core.size.SizeModelInference;

/**
 * Turns what {@link HistogramBuilder} counted into a {@link DumpSummary}: resolves class layouts
 * (superclasses included), infers the size model, sizes every class and names classes and loaders.
 */
final class SummaryAssembler {
    /** At most this many long-array rows are kept, the largest first. */
    static final int MAX_ARRAY_ROWS = 1000;
    /** At most this many problems are listed; the rest are counted. */
    static final int MAX_PROBLEMS = 100;
    private static final String JAVA_LANG_CLASS = "java.lang.Class";

    private final HistogramBuilder b;
    private final ClassSlots t;
    private final List<String> problems = new ArrayList<>();
    private List<List<FieldLayout.OwnFields>> chains;
    private String[] names;
    private long[] sizes;
    private int classSlot;

    SummaryAssembler(HistogramBuilder builder) {
        this.b = builder;
        this.t = builder.heap.classes;
    }

    /** A row and what it counts. */
    private record Row(ClassStats stats, RowSource source) {}

    RowSource.Sourced assemble(DumpSummary.DumpInfo dump, ReadResult result) {
        names = new String[t.size()];
        for (int s = 0; s < t.size(); s++) names[s] = className(s);
        classSlot = javaLangClassSlot();
        resolveChains();
        SizeModel model = inferModel();
        sizes = new long[t.size()];
        MirrorSizes mirrorSizes = mirrorSizes(model);
        LoaderLabels loaderLabels = new LoaderLabels(b, t, names);

        Map<ClassStats.Kind, long[]> objects = new EnumMap<>(ClassStats.Kind.class);
        Map<ClassStats.Kind, long[]> bytes = new EnumMap<>(ClassStats.Kind.class);
        for (ClassStats.Kind k : ClassStats.Kind.values()) {
            objects.put(k, new long[1]);
            bytes.put(k, new long[1]);
        }
        List<Row> rows = new ArrayList<>();
        long[] mirror = mirrorTotals(model, mirrorSizes);
        for (int s = 0; s < t.size(); s++) {
            String loader = loaderLabels.label(s);
            RowSource ofClass = new RowSource.OfClass(t.classId[s]);
            if (t.instances[s] > 0 && s != classSlot) {
                long size = instanceSize(model, s);
                add(rows, objects, bytes, new ClassStats(names[s], loader, ClassStats.Kind.INSTANCE, t.instances[s], size * t.instances[s], null), ofClass);
            }
            ArrayTally a = t.arrays[s];
            if (a != null) add(rows, objects, bytes, new ClassStats(names[s], loader, ClassStats.Kind.OBJECT_ARRAY, a.count(), a.bytes(model), null), ofClass);
        }
        for (ArrayTally a : b.heap.primitiveArrays) {
            if (a != null && a.count() > 0) {
                add(rows, objects, bytes, new ClassStats(ClassNames.primitiveArray(a.elementType()), ClassStats.BOOTSTRAP,
                        ClassStats.Kind.PRIMITIVE_ARRAY, a.count(), a.bytes(model), null), new RowSource.PrimitiveArrays(a.elementType()));
            }
        }
        if (mirror[0] > 0) {
            add(rows, objects, bytes, new ClassStats(JAVA_LANG_CLASS, ClassStats.BOOTSTRAP, ClassStats.Kind.CLASS, mirror[0], mirror[1], null),
                    new RowSource.ClassObjects(classSlot == ClassSlots.NONE ? 0 : t.classId[classSlot]));
        }
        rows.sort(Comparator.comparing(Row::stats, Comparator.comparingLong(ClassStats::shallowBytes).reversed().thenComparing(ClassStats::key)));

        Map<String, Long> rootCounts = new LinkedHashMap<>();
        for (GcRootKind k : GcRootKind.values()) {
            long c = b.heap.roots[k.ordinal()];
            if (c > 0) rootCounts.put(k.label, c);
        }
        DumpSummary.Totals totals = new DumpSummary.Totals(unwrap(objects), unwrap(bytes), rootCounts, b.heap.classDumps);
        DumpSummary summary = new DumpSummary(DumpSummary.SCHEMA_VERSION, dump, model, totals, rows.stream().map(Row::stats).toList(),
                longArrays(model, loaderLabels), completeness(result), LoaderCensus.of(t, names, loaderLabels));
        return new RowSource.Sourced(summary, rows.stream().map(Row::source).toList());
    }

    private static void add(List<Row> rows, Map<ClassStats.Kind, long[]> objects, Map<ClassStats.Kind, long[]> bytes, ClassStats row,
                            RowSource source) {
        rows.add(new Row(row, source));
        objects.get(row.kind())[0] += row.instances();
        bytes.get(row.kind())[0] += row.shallowBytes();
    }

    private static Map<ClassStats.Kind, Long> unwrap(Map<ClassStats.Kind, long[]> m) {
        Map<ClassStats.Kind, Long> out = new EnumMap<>(ClassStats.Kind.class);
        m.forEach((k, v) -> out.put(k, v[0]));
        return out;
    }

    /** Each class's instance fields, the root class's first (memoised; a corrupt superclass cycle is cut). */
    private void resolveChains() {
        chains = new ArrayList<>(Collections.nCopies(t.size(), null));
        for (int s = 0; s < t.size(); s++) chain(s);
    }

    private List<FieldLayout.OwnFields> chain(int s) {
        if (chains.get(s) != null) return chains.get(s);
        chains.set(s, List.of()); // a cycle back to s ends here
        List<FieldLayout.OwnFields> out = new ArrayList<>();
        long superId = t.superId[s];
        if (superId != 0) {
            int sup = t.find(superId);
            if (sup == ClassSlots.NONE || t.dumpOrder[sup] == ClassSlots.NONE) {
                if (t.dumpOrder[s] != ClassSlots.NONE) {
                    problems.add("superclass 0x" + Long.toHexString(superId) + " of " + names[s] + " has no class dump; its fields are not counted");
                }
            } else {
                out.addAll(chain(sup));
            }
        }
        out.add(t.ownFields[s] == null ? FieldLayout.OwnFields.NONE : t.ownFields[s]);
        List<FieldLayout.OwnFields> chain = List.copyOf(out);
        chains.set(s, chain);
        return chain;
    }

    private long fieldBytesInFile(int s) {
        long bytes = 0;
        for (FieldLayout.OwnFields f : chains.get(s)) bytes += f.bytesInFile(b.header.idSize());
        return bytes;
    }

    private SizeModel inferModel() {
        SizeModelInference inference = b.heap.inference.withoutClassGaps();
        for (int s = 0; s < t.size(); s++) {
            if (t.instances[s] > 0 && t.dumpOrder[s] != ClassSlots.NONE && t.smallestGap[s] != Long.MAX_VALUE) {
                inference.classGap(chains.get(s), t.smallestGap[s]);
            }
        }
        return inference.infer(b.overrides);
    }

    /** Instance size of a class (see {@link InstanceSizes#recover}); superclasses first, for their additions. */
    long instanceSize(SizeModel model, int s) {
        if (sizes[s] != 0) return sizes[s];
        if (t.dumpOrder[s] == ClassSlots.NONE) {
            // No layout: the field bytes in the file, references counted at the file's id size.
            return sizes[s] = model.instanceSize(Math.max(0, t.fieldBytesInFile[s]));
        }
        long declared = InstanceSizes.declared(model, chains.get(s));
        int sup = superSlot(s);
        long inherited = sup == ClassSlots.NONE ? 0 : addition(model, sup, 0);
        return sizes[s] = InstanceSizes.recover(model, new InstanceSizes.Evidence(declared, t.smallestGap[s], inherited, holder(s)));
    }

    /** Bytes the VM adds to a class's declared size, as established by its own instances or else its superclass's. */
    private long addition(SizeModel model, int s, int depth) {
        if (t.dumpOrder[s] == ClassSlots.NONE || depth > 10_000) return 0;
        if (t.instances[s] > 0 && t.smallestGap[s] != Long.MAX_VALUE) {
            return Math.max(0, instanceSize(model, s) - InstanceSizes.declared(model, chains.get(s)));
        }
        int sup = superSlot(s);
        return sup == ClassSlots.NONE ? 0 : addition(model, sup, depth + 1);
    }

    /** Whether the class or a superclass is a (bootstrap) class the VM adds hidden bytes to. */
    private InstanceSizes.Holder holder(int s) {
        boolean injected = false, contended = false;
        for (int c = s, depth = 0; c != ClassSlots.NONE && depth < 10_000; c = superSlot(c), depth++) {
            if (t.loaderId[c] != 0) continue;
            injected |= InstanceSizes.INJECTED_FIELD_HOLDERS.contains(names[c]);
            contended |= InstanceSizes.CONTENDED_HOLDERS.contains(names[c]);
        }
        return InstanceSizes.Holder.of(injected, contended);
    }

    private int superSlot(int s) {
        long superId = t.superId[s];
        if (superId == 0) return ClassSlots.NONE;
        int sup = t.find(superId);
        return sup != ClassSlots.NONE && t.dumpOrder[sup] != ClassSlots.NONE && sup != s ? sup : ClassSlots.NONE;
    }

    /**
     * The size of {@code java.lang.Class} instances and whether statics live in mirrors. Mirrors are
     * measured like objects (see {@link GapTracker}); a mirror without static fields is exactly a
     * {@code java.lang.Class} instance, as are the primitive types' mirrors (its INSTANCE_DUMPs). The
     * VM injects several words into {@code java.lang.Class} (72 declared → 112 bytes on JDK 17), more
     * than {@link InstanceSizes} trusts from a few gaps, but every loaded class has a mirror: with
     * hundreds of gaps, each an upper bound, the smallest is C itself (any one adjacent mirror gives it).
     * With C known, the mirrors that have statics tell whether statics are part of a mirror.
     */
    private MirrorSizes mirrorSizes(SizeModel model) {
        long[] addresses = b.heap.gaps.mirrorAddresses();
        long[] gaps = b.heap.gaps.mirrorGaps();
        long smallest = classSlot == ClassSlots.NONE ? Long.MAX_VALUE : t.smallestGap[classSlot];
        int n = 0;
        long[] withStatics = new long[addresses.length];
        long[] blocks = new long[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            int s = t.find(addresses[i]);
            if (gaps[i] == Long.MAX_VALUE || s == ClassSlots.NONE) continue;
            long block = MirrorSizes.staticBlock(model, t.statics(s));
            if (block == 0) {
                smallest = Math.min(smallest, gaps[i]);
            } else {
                withStatics[n] = gaps[i];
                blocks[n++] = block;
            }
        }
        long declared = classSlot == ClassSlots.NONE ? model.instanceSize(0)
                : InstanceSizes.declared(model, chains.get(classSlot));
        long classSize = smallest == Long.MAX_VALUE ? declared : Math.max(declared, smallest);
        boolean inMirrors = MirrorSizes.staticsInMirrors(classSize, Arrays.copyOf(withStatics, n), Arrays.copyOf(blocks, n));
        if (classSlot != ClassSlots.NONE) sizes[classSlot] = classSize;
        return new MirrorSizes(classSize, inMirrors);
    }

    /** The bootstrap class java.lang.Class, whose instances are the mirrors. */
    private int javaLangClassSlot() {
        for (int s = 0; s < t.size(); s++) {
            if (JAVA_LANG_CLASS.equals(names[s]) && t.loaderId[s] == 0 && t.dumpOrder[s] != ClassSlots.NONE) return s;
        }
        return ClassSlots.NONE;
    }

    /** {count, bytes} of java.lang.Class objects: the class dumps (mirrors) and the primitive types' mirrors. */
    private long[] mirrorTotals(SizeModel model, MirrorSizes mirrors) {
        long primitiveMirrors = classSlot == ClassSlots.NONE ? 0 : t.instances[classSlot];
        long count = primitiveMirrors, total = primitiveMirrors * mirrors.classInstanceSize();
        for (int s = 0; s < t.size(); s++) {
            if (t.dumpOrder[s] == ClassSlots.NONE) continue;
            count++;
            total += mirrors.mirror(model, t.statics(s));
        }
        return new long[] {count, total};
    }

    private List<ArrayLengthStats> longArrays(SizeModel model, LoaderLabels loaderLabels) {
        LongArrayCounter c = b.heap.longArrays;
        List<ArrayLengthStats> out = new ArrayList<>(c.size());
        for (int i = 0; i < c.size(); i++) {
            int s = c.classSlot(i);
            long n = c.count(i);
            out.add(new ArrayLengthStats(names[s], loaderLabels.label(s), c.length(i), n, n * model.arraySize(BasicType.OBJECT, c.length(i))));
        }
        // ties broken by the loader: the counter's own order depends on how the heap was split between threads
        out.sort(Comparator.comparingLong(ArrayLengthStats::shallowBytes).reversed().thenComparing(ArrayLengthStats::label)
                .thenComparing(ArrayLengthStats::loader));
        if (c.untracked() > 0) {
            problems.add(String.format("%,d long object arrays shorter than %,d elements are not listed by length (the dump has more than %,d "
                    + "distinct (class, length) pairs of %,d elements or more)", c.untracked(), c.minLength(), LongArrayCounter.MAX_KEYS,
                    LongArrayCounter.MIN_LENGTH));
        }
        return List.copyOf(out.subList(0, Math.min(out.size(), MAX_ARRAY_ROWS)));
    }

    private DumpSummary.Completeness completeness(ReadResult r) {
        List<String> all = new ArrayList<>();
        r.problems().forEach(p -> all.add(p.toString()));
        all.addAll(problems);
        long unknown = 0, mismatched = 0;
        for (int s = 0; s < t.size(); s++) {
            if (t.dumpOrder[s] == ClassSlots.NONE && (t.instances[s] > 0 || t.arrays[s] != null)) unknown++;
            if (t.fieldBytesMismatches[s] > 0) mismatched += t.fieldBytesMismatches[s];
            if (t.dumpOrder[s] != ClassSlots.NONE && t.instances[s] > 0 && t.fieldBytesInFile[s] != fieldBytesInFile(s)) {
                all.add(names[s] + ": instances hold " + t.fieldBytesInFile[s] + " bytes of fields, its class dumps declare " + fieldBytesInFile(s));
            }
        }
        if (unknown > 0) all.add(unknown + " classes have objects but no class dump; they are sized from their field bytes");
        if (mismatched > 0) all.add(mismatched + " instances hold a different number of field bytes than others of their class");
        List<String> kept = new ArrayList<>(all.subList(0, Math.min(all.size(), MAX_PROBLEMS)));
        if (all.size() > MAX_PROBLEMS) kept.add("... and " + (all.size() - MAX_PROBLEMS) + " more problems");
        return new DumpSummary.Completeness(r.isPartial(), r.truncation().map(ReadResult.Problem::toString).orElse(null), List.copyOf(kept));
    }

    private String className(int s) {
        long nameId = t.nameId[s];
        String raw = nameId == 0 ? null : b.strings.get(nameId);
        if (raw == null) return "unknown class 0x" + Long.toHexString(t.classId[s]);
        return ClassNames.javaName(raw);
    }
}
