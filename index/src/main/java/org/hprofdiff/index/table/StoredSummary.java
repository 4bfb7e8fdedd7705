package org.hprofdiff.index.table;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.core.read.HprofFile;
import org.hprofdiff.core.size.SizeModelOverrides;
import org.hprofdiff.core.summary.ClassStats;
import org.hprofdiff.core.summary.DumpSummary;
import org.hprofdiff.core.summary.RowSource;
import org.hprofdiff.core.summary.Summarizer;
import org.hprofdiff.index.store.IndexCorruptException;
import org.hprofdiff.index.store.Sections;

/**
 * The dump's summary as the index's first pass computed it (what {@code hprof-diff summary} writes), kept in the
 * index's {@code summary} file so that commands that need only the summary of an indexed dump never read the dump
 * again. Sections (see {@link Sections}): {@code histogram} (the size-model options it was made with, then the
 * summary in the index's binary form, {@link SummaryCodec}), {@code reader} (the record counts a read reports, for {@code info}), {@code class-keys} (for
 * each class row, the index's classes whose objects it counts: one class key shared by summaries and the index,
 * so a row is never matched to the index's classes by name).
 *
 * @param summary    as built (its dump information is the build's: see {@link #summaryOf})
 * @param overrides  the size-model values the user stated for the build
 * @param reader     what the build's read of the dump reported
 * @param rowClasses per row of {@code summary.classes()}, the class indexes it counts
 */
public record StoredSummary(DumpSummary summary, SizeModelOverrides overrides, ReaderCounts reader, List<int[]> rowClasses) {

    public static final String HISTOGRAM = "histogram", READER = "reader", CLASS_KEYS = "class-keys";
    public static final int VERSION = 1;

    /**
     * Record counts as a read of the dump reports them.
     *
     * @param recordsByTag top-level records per tag name, in the tag table's order
     */
    public record ReaderCounts(Map<String, Long> recordsByTag, long heapRecords, long unknownRecords) {
        public ReaderCounts {
            recordsByTag = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(recordsByTag));
        }
    }

    public StoredSummary {
        rowClasses = List.copyOf(rowClasses);
        if (rowClasses.size() != summary.classes().size()) {
            throw new IllegalArgumentException(rowClasses.size() + " class keys for " + summary.classes().size() + " rows");
        }
    }

    /** The class indexes of each row's source (a class id, a primitive type, the class objects) in {@code classes}. */
    public static List<int[]> rowClasses(List<RowSource> sources, List<ClassStats> rows, ClassTable classes) {
        List<int[]> out = new ArrayList<>(sources.size());
        for (int i = 0; i < sources.size(); i++) {
            int[] c = switch (sources.get(i)) {
                case RowSource.OfClass(long classId) when classId != 0 -> new int[] {classes.indexOfId(classId)};
                case RowSource.OfClass ignored -> new int[] {unknownPlaceholder(classes, rows.get(i).kind())};
                case RowSource.PrimitiveArrays(BasicType type) -> new int[] {classes.primitiveArrayClass(type)};
                // class objects are objects of the index's java.lang.Class; the primitive types' mirrors, of their class id's
                case RowSource.ClassObjects(long classId) -> new int[] {classes.javaLangClass(), classId == 0 ? -1 : classes.indexOfId(classId)};
            };
            out.add(Arrays.stream(c).filter(x -> x >= 0).distinct().sorted().toArray());
        }
        return out;
    }

    /** Objects whose class id is 0 go to the placeholder class the index makes for them. */
    private static int unknownPlaceholder(ClassTable classes, ClassStats.Kind kind) {
        String name = kind == ClassStats.Kind.OBJECT_ARRAY ? "[L<unknown class>;" : "<unknown class>";
        for (ClassInfo c : classes.all()) if (c.placeholder() && c.classId() == 0 && c.name().equals(name)) return c.index();
        return -1;
    }

    /**
     * The summary as reading {@code dump} would give it: the dump's information (the path as given, the file's own
     * size and compression, which may differ from the indexed copy's) with the stored numbers.
     */
    public DumpSummary summaryOf(HprofFile dump) {
        DumpSummary.DumpInfo built = summary.dump();
        return summary.withDump(Summarizer.dumpInfo(dump, built.dumpNumber(), built.heapDumpCount()));
    }

    /**
     * The index's classes whose objects the summary's rows of this class name and loader label count (one class
     * per row; several when rows of different kinds share the key, as {@code java.lang.Class}'s instances and class
     * objects may). The rows of {@code arraysByLength} share their array class's key. Empty when the dump has none.
     */
    public int[] classIndexes(String name, String loader) {
        return classIndexesByKey().getOrDefault(ClassStats.keyOf(name, loader), new int[0]);
    }

    /**
     * {@link #classIndexes} of every key at once, by {@link ClassStats#key()}, in one pass over the rows: for callers
     * that look up many rows (a summary with every class's retained bytes), which one look-up per row would make
     * quadratic in the number of classes.
     */
    public Map<String, int[]> classIndexesByKey() {
        Map<String, int[]> byKey = new HashMap<>();
        for (int i = 0; i < rowClasses.size(); i++) {
            byKey.merge(summary.classes().get(i).key(), rowClasses.get(i),
                    (a, b) -> IntStream.concat(IntStream.of(a), IntStream.of(b)).toArray());
        }
        byKey.replaceAll((key, classes) -> IntStream.of(classes).distinct().sorted().toArray());
        return byKey;
    }

    /** The sections of the {@code summary} file. */
    public Sections.Writer sections() {
        Sections.Writer w = new Sections.Writer();
        byte[] encoded = SummaryCodec.write(summary);
        ByteBuffer histogram = little(12 + encoded.length);
        histogram.putInt(orNone(overrides.objectHeaderBytes())).putInt(orNone(overrides.referenceBytes())).putInt(orNone(overrides.objectAlignment()));
        histogram.put(encoded);
        w.add(HISTOGRAM, VERSION, histogram.array());
        List<byte[]> names = reader.recordsByTag().keySet().stream().map(n -> n.getBytes(StandardCharsets.UTF_8)).toList();
        ByteBuffer r = little(4 + names.stream().mapToInt(n -> 12 + n.length).sum() + 16);
        r.putInt(names.size());
        int k = 0;
        for (long count : reader.recordsByTag().values()) {
            byte[] n = names.get(k++);
            r.putInt(n.length).put(n).putLong(count);
        }
        r.putLong(reader.heapRecords()).putLong(reader.unknownRecords());
        w.add(READER, VERSION, r.array());
        ByteBuffer keys = little(4 + rowClasses.stream().mapToInt(c -> 4 + 4 * c.length).sum());
        keys.putInt(rowClasses.size());
        for (int[] c : rowClasses) {
            keys.putInt(c.length);
            for (int x : c) keys.putInt(x);
        }
        w.add(CLASS_KEYS, VERSION, keys.array());
        return w;
    }

    /** Reads the file's sections; a section missing or of a newer version is a damaged (or foreign) index. */
    public static StoredSummary read(MemorySegment data, Path path) throws IOException {
        Sections sections = Sections.read(data, path);
        SegmentReader h = reader(sections, HISTOGRAM, path);
        SizeModelOverrides overrides = new SizeModelOverrides(orNull(h.i4()), orNull(h.i4()), orNull(h.i4()));
        DumpSummary summary = SummaryCodec.read(h);
        SegmentReader r = reader(sections, READER, path);
        int tags = r.i4();
        if (tags < 0) throw r.corrupt("record tag count " + tags);
        Map<String, Long> byTag = new LinkedHashMap<>();
        for (int i = 0; i < tags; i++) byTag.put(r.string(), r.i8());
        ReaderCounts counts = new ReaderCounts(byTag, r.i8(), r.i8());
        r.expectEnd();
        SegmentReader k = reader(sections, CLASS_KEYS, path);
        int rows = k.i4();
        if (rows != summary.classes().size()) throw k.corrupt(rows + " class keys for " + summary.classes().size() + " summary rows");
        List<int[]> rowClasses = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            int n = k.i4();
            if (n < 0 || n > 1024) throw k.corrupt("class count " + n);
            int[] c = new int[n];
            for (int j = 0; j < n; j++) c[j] = k.i4();
            rowClasses.add(c);
        }
        k.expectEnd();
        return new StoredSummary(summary, overrides, counts, rowClasses);
    }

    private static SegmentReader reader(Sections sections, String name, Path path) throws IndexCorruptException {
        Sections.Section s = sections.get(name, VERSION)
                .orElseThrow(() -> new IndexCorruptException(path, 0, "no '" + name + "' section of version " + VERSION + " or older"));
        return new SegmentReader(s.content(), path);
    }

    private static ByteBuffer little(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int orNone(Integer v) { return v == null ? -1 : v; }

    private static Integer orNull(int v) { return v < 0 ? null : v; }
}
