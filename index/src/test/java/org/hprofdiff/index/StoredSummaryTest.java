package org.hprofdiff.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hprofdiff.core.read.HprofFile;
import org.hprofdiff.core.read.HprofReader;
import org.hprofdiff.core.size.SizeModelOverrides;
import org.hprofdiff.core.summary.ClassStats;
import org.hprofdiff.core.summary.DumpSummary;
import org.hprofdiff.core.summary.Summarizer;
import org.hprofdiff.core.summary.SummaryJson;
import org.hprofdiff.index.table.StoredSummary;
import org.hprofdiff.testdata.synth.BasicType;
import org.hprofdiff.testdata.synth.HeapObject;
import org.hprofdiff.testdata.synth.HeapOptions;
import org.hprofdiff.testdata.synth.Layout;
import org.hprofdiff.testdata.synth.SyntheticClass;
import org.hprofdiff.testdata.synth.SyntheticHeap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The summary an index keeps is the one reading the dump gives, to the byte of its JSON (path, file size and
 * compression those of the dump as given, even for a gzip dump indexed through a decompressed copy), with the same
 * record counts; and each class row's key finds in the index exactly the objects the row counts: per (name, loader)
 * key, the index's objects of the key's classes, counted one by one in the index's class column, number and weigh
 * what the rows of that key say.
 */
class StoredSummaryTest {
    @TempDir Path dir;

    static Stream<Arguments> dumps() throws Exception {
        return DumpCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dumps")
    void keptSummaryIsTheDumpsAndItsKeysFindTheRowsObjects(DumpCases c) throws Exception {
        check(c.dump(), c.dumpNumber(), SizeModelOverrides.NONE);
    }

    @Test
    void loadersOfOneClassDefiningOneNameHaveOneClassEach() throws Exception {
        SyntheticHeap heap = new SyntheticHeap(HeapOptions.hotspot64());
        SyntheticClass loaderClass = heap.newClass("com.example.PluginLoader").superclass(heap.systemClass("java.lang.ClassLoader")).define();
        HeapObject loader1 = heap.instance(loaderClass);
        HeapObject loader2 = heap.instance(loaderClass);
        SyntheticClass plugin1 = heap.newClass("com.example.Plugin").loader(loader1).field("id", BasicType.INT).define();
        SyntheticClass plugin2 = heap.newClass("com.example.Plugin").loader(loader2).field("id", BasicType.INT).field("more", BasicType.LONG).define();
        for (int i = 0; i < 3; i++) heap.instance(plugin1);
        for (int i = 0; i < 5; i++) heap.instance(plugin2);
        Path dump = Files.write(dir.resolve("plugins.hprof"), heap.toBytes(Layout.parallel(2, 3)));
        Map<String, int[]> keys = check(dump, 1, SizeModelOverrides.NONE);
        int[] first = keys.get("com.example.Plugin @com.example.PluginLoader#1"), second = keys.get("com.example.Plugin @com.example.PluginLoader#2");
        assertEquals(1, first.length);
        assertEquals(1, second.length);
        assertNotEquals(first[0], second[0]);
    }

    @Test
    void sizeModelOptionsAreKeptWithTheSummary() throws Exception {
        SizeModelOverrides given = new SizeModelOverrides(16, 8, null);
        Path dump = TestDumps.copy(TestDumps.knownGraph(), dir);
        check(dump, 1, given);
        try (DumpIndex index = IndexCache.openOrBuild(dump, options(1).withSizeOverrides(given), BuildProgress.SILENT)) {
            assertEquals(given, index.summary().overrides());
        }
    }

    private IndexOptions options(int dumpNumber) {
        return IndexOptions.defaults().withEnvironment(Map.of()).withIndexDir(dir.resolve("indexes")).withDumpNumber(dumpNumber);
    }

    /** Checks one dump; returns the class indexes per row key. */
    private Map<String, int[]> check(Path dump, int dumpNumber, SizeModelOverrides overrides) throws Exception {
        DumpSummary expected;
        Map<String, Long> expectedTags = new LinkedHashMap<>();
        long heapRecords, unknown;
        try (HprofFile f = HprofFile.open(dump)) {
            Summarizer.Result r = Summarizer.summarize(f, new HprofReader.Options(dumpNumber), overrides);
            expected = r.summary();
            new TreeMap<>(r.read().recordCounts()).forEach((tag, n) -> expectedTags.put(tag.name(), n));
            heapRecords = r.read().heapRecordCount();
            unknown = r.read().unknownRecords();
        }
        Map<String, int[]> keys = new LinkedHashMap<>();
        try (DumpIndex index = IndexCache.openOrBuild(dump, options(dumpNumber).withSizeOverrides(overrides), BuildProgress.SILENT);
             HprofFile f = HprofFile.open(dump)) {
            StoredSummary stored = index.summary();
            assertEquals(SummaryJson.toJson(expected), SummaryJson.toJson(stored.summaryOf(f)), dump + ": the kept summary");
            assertEquals(new StoredSummary.ReaderCounts(expectedTags, heapRecords, unknown), stored.reader());
            // per key: the rows' totals, against the index's objects of the key's classes counted one by one
            Map<String, long[]> rowsByKey = new LinkedHashMap<>();
            for (ClassStats row : expected.classes()) {
                long[] t = rowsByKey.computeIfAbsent(row.key(), k -> new long[2]);
                t[0] += row.instances();
                t[1] += row.shallowBytes();
                keys.put(row.key(), stored.classIndexes(row.name(), row.loader()));
            }
            long[] count = new long[index.classes().size()], bytes = new long[index.classes().size()];
            for (long o = 0; o < index.objectCount(); o++) {
                count[index.classIndexOf(o)]++;
                bytes[index.classIndexOf(o)] += index.shallowSize(o);
            }
            for (Map.Entry<String, long[]> e : rowsByKey.entrySet()) {
                int[] classes = keys.get(e.getKey());
                long n = Arrays.stream(classes).mapToLong(c -> count[c]).sum();
                long b = Arrays.stream(classes).mapToLong(c -> bytes[c]).sum();
                assertEquals(e.getValue()[0], n, () -> dump + ": objects of " + e.getKey() + " (classes " + Arrays.toString(classes) + ")");
                assertEquals(e.getValue()[1], b, () -> dump + ": bytes of " + e.getKey());
            }
            // every object is some row's
            long covered = keys.values().stream().flatMapToInt(Arrays::stream).distinct().mapToLong(c -> count[c]).sum();
            assertEquals(index.objectCount(), covered, dump + ": objects outside every row's classes");
            assertArrayEquals(new int[0], stored.classIndexes("no.such.Class", ClassStats.BOOTSTRAP));
        }
        return keys;
    }
}
