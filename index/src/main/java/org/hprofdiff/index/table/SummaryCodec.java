package org.hprofdiff.index.table;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hprofdiff.core.size.SizeModel;
import org.hprofdiff.core.summary.ArrayLengthStats;
import org.hprofdiff.core.summary.ClassLoaders;
import org.hprofdiff.core.summary.ClassStats;
import org.hprofdiff.core.summary.DuplicateClass;
import org.hprofdiff.core.summary.LoaderStats;
import org.hprofdiff.core.summary.DumpSummary;
import org.hprofdiff.index.store.IndexCorruptException;

/**
 * A {@link DumpSummary} in the index's own binary form, field by field in the record's order: little-endian
 * numbers, strings as {@code u4 length, UTF-8}, booleans as one byte, an absent value as a 0 byte before it (a
 * present one: 1), lists and maps as {@code u4 count} and their entries. Read back in a few milliseconds, where a
 * JSON parser takes most of a second to warm up in a fresh JVM: a command that takes a dump's summary from its
 * index must stay much faster than reading the dump.
 */
final class SummaryCodec {
    private SummaryCodec() {}

    static byte[] write(DumpSummary s) {
        Out o = new Out();
        o.i4(s.schemaVersion());
        DumpSummary.DumpInfo d = s.dump();
        o.str(d.path()).i8(d.fileBytes()).str(d.format()).i4(d.idSize()).i8(d.timestampMillis()).str(d.compression()).i4(d.dumpNumber()).i4(d.heapDumpCount());
        SizeModel m = s.sizeModel();
        o.i4(m.objectHeaderBytes()).i4(m.referenceBytes()).i4(m.objectAlignment()).bool(m.arrayBaseAligned()).bool(m.subclassFieldsFillGaps()).str(m.origin());
        DumpSummary.Totals t = s.totals();
        for (Map<ClassStats.Kind, Long> byKind : List.of(t.objectsByKind(), t.bytesByKind())) {
            o.i4(byKind.size());
            byKind.forEach((k, v) -> o.str(k.name()).i8(v));
        }
        o.i4(t.gcRootsByKind().size());
        t.gcRootsByKind().forEach((k, v) -> o.str(k).i8(v));
        o.i8(t.classCount());
        o.i4(s.classes().size());
        for (ClassStats c : s.classes()) {
            o.str(c.name()).str(c.loader()).str(c.kind().name()).i8(c.instances()).i8(c.shallowBytes()).bool(c.retainedBytes() != null);
            if (c.retainedBytes() != null) o.i8(c.retainedBytes());
        }
        o.i4(s.arraysByLength().size());
        for (ArrayLengthStats a : s.arraysByLength()) o.str(a.name()).str(a.loader()).i4(a.length()).i8(a.instances()).i8(a.shallowBytes());
        DumpSummary.Completeness c = s.completeness();
        o.bool(c.partial()).bool(c.truncation() != null);
        if (c.truncation() != null) o.str(c.truncation());
        o.i4(c.problems().size());
        c.problems().forEach(o::str);
        ClassLoaders l = s.classLoaders();
        o.bool(l != null);
        if (l != null) {
            o.i4(l.byLoaderClass().size());
            for (LoaderStats x : l.byLoaderClass()) o.str(x.loaderClass()).i8(x.loaders()).i8(x.classes());
            o.i4(l.duplicateClasses().size());
            for (DuplicateClass x : l.duplicateClasses()) o.str(x.name()).i8(x.loaders());
            o.i8(l.duplicateNames());
        }
        return o.bytes.toByteArray();
    }

    static DumpSummary read(SegmentReader r) throws IndexCorruptException {
        int schema = r.i4();
        DumpSummary.DumpInfo dump = new DumpSummary.DumpInfo(r.string(), r.i8(), r.string(), r.i4(), r.i8(), r.string(), r.i4(), r.i4());
        SizeModel model = new SizeModel(r.i4(), r.i4(), r.i4(), bool(r), bool(r), r.string());
        List<Map<ClassStats.Kind, Long>> byKind = new ArrayList<>();
        for (int m = 0; m < 2; m++) {
            Map<ClassStats.Kind, Long> map = new EnumMap<>(ClassStats.Kind.class);
            int n = count(r);
            for (int i = 0; i < n; i++) map.put(kind(r), r.i8());
            byKind.add(map);
        }
        Map<String, Long> roots = new LinkedHashMap<>();
        int rootKinds = count(r);
        for (int i = 0; i < rootKinds; i++) roots.put(r.string(), r.i8());
        DumpSummary.Totals totals = new DumpSummary.Totals(byKind.get(0), byKind.get(1), roots, r.i8());
        int classCount = count(r);
        List<ClassStats> classes = new ArrayList<>(classCount);
        for (int i = 0; i < classCount; i++) {
            String name = r.string(), loader = r.string();
            ClassStats.Kind kind = kind(r);
            long instances = r.i8(), bytes = r.i8();
            classes.add(new ClassStats(name, loader, kind, instances, bytes, bool(r) ? r.i8() : null));
        }
        int arrayCount = count(r);
        List<ArrayLengthStats> arrays = new ArrayList<>(arrayCount);
        for (int i = 0; i < arrayCount; i++) arrays.add(new ArrayLengthStats(r.string(), r.string(), r.i4(), r.i8(), r.i8()));
        boolean partial = bool(r);
        String truncation = bool(r) ? r.string() : null;
        int problemCount = count(r);
        List<String> problems = new ArrayList<>(problemCount);
        for (int i = 0; i < problemCount; i++) problems.add(r.string());
        ClassLoaders loaders = null;
        if (bool(r)) {
            int byClass = count(r);
            List<LoaderStats> stats = new ArrayList<>(byClass);
            for (int i = 0; i < byClass; i++) stats.add(new LoaderStats(r.string(), r.i8(), r.i8()));
            int duplicateCount = count(r);
            List<DuplicateClass> duplicates = new ArrayList<>(duplicateCount);
            for (int i = 0; i < duplicateCount; i++) duplicates.add(new DuplicateClass(r.string(), r.i8()));
            loaders = new ClassLoaders(stats, duplicates, r.i8());
        }
        r.expectEnd();
        return new DumpSummary(schema, dump, model, totals, List.copyOf(classes), List.copyOf(arrays),
                new DumpSummary.Completeness(partial, truncation, List.copyOf(problems)), loaders);
    }

    private static boolean bool(SegmentReader r) throws IndexCorruptException {
        int b = r.u1();
        if (b > 1) throw r.corrupt("a flag byte of " + b);
        return b == 1;
    }

    private static int count(SegmentReader r) throws IndexCorruptException {
        int n = r.i4();
        if (n < 0) throw r.corrupt("a count of " + n);
        return n;
    }

    private static ClassStats.Kind kind(SegmentReader r) throws IndexCorruptException {
        String name = r.string();
        try {
            return ClassStats.Kind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw r.corrupt("an object kind '" + name + "'");
        }
    }

    /** Little-endian numbers and length-prefixed UTF-8 strings into a growing byte array. */
    private static final class Out {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Out i4(int v) {
            for (int i = 0; i < 4; i++) bytes.write(v >>> (8 * i));
            return this;
        }

        Out i8(long v) {
            for (int i = 0; i < 8; i++) bytes.write((int) (v >>> (8 * i)));
            return this;
        }

        Out bool(boolean v) {
            bytes.write(v ? 1 : 0);
            return this;
        }

        Out str(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            i4(b.length);
            bytes.write(b, 0, b.length);
            return this;
        }
    }
}
