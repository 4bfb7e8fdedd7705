package org.hprofdiff.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hprofdiff.core.read.HeapPlan;
import org.hprofdiff.core.read.HeapRecordRange;
import org.hprofdiff.core.read.HprofFile;
import org.hprofdiff.core.read.HprofReader;
import org.hprofdiff.core.read.ReadProgress;
import org.hprofdiff.core.read.SharedDumps;
import org.hprofdiff.core.size.SizeModelOverrides;
import org.hprofdiff.testdata.synth.BasicType;
import org.hprofdiff.testdata.synth.ClassDump;
import org.hprofdiff.testdata.synth.GcRoot;
import org.hprofdiff.testdata.synth.HeapObject;
import org.hprofdiff.testdata.synth.HeapOptions;
import org.hprofdiff.testdata.synth.HprofWriter;
import org.hprofdiff.testdata.synth.LargeDumpGenerator;
import org.hprofdiff.testdata.synth.Layout;
import org.hprofdiff.testdata.synth.RootKind;
import org.hprofdiff.testdata.synth.SyntheticClass;
import org.hprofdiff.testdata.synth.SyntheticHeap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A summary read on several threads is the summary of one sequential pass, to the byte of its JSON: on dumps in
 * every order a writer produces (serial HotSpot, JDK 22+ parallel runs with class dumps after the objects,
 * shuffled segments, 4-byte ids, Android, one HEAP_DUMP record, several dumps in a file, gzip), on the generator's
 * benchmark dumps, on the old JVMs' dumps in ../shared/dumps, and on damaged ones. Besides the reader's own
 * (dynamic) split, each dump is also read with its records dealt out round-robin to three parts, so the merge
 * sees interleaved records whatever the timing.
 */
class ParallelSummaryTest {
    @TempDir Path dir;

    /** The sequential summary, then the same from 2 and 4 reader threads and from three round-robin parts. */
    static void assertSameSummaries(Path file, int dumpNumber) throws Exception {
        assertSameSummaries(file, dumpNumber, true);
    }

    /** @param mergeable whether parts can be merged (false: the merge must refuse, and the reader falls back to one pass) */
    private static void assertSameSummaries(Path file, int dumpNumber, boolean mergeable) throws Exception {
        try (HprofFile f = HprofFile.open(file)) {
            HprofReader.Options options = new HprofReader.Options(dumpNumber);
            Summarizer.Result sequential = Summarizer.summarize(f, options, SizeModelOverrides.NONE, 1, ReadProgress.NONE);
            String expected = SummaryJson.toJson(sequential.summary());
            for (int threads : new int[] {2, 4}) {
                Summarizer.Result parallel = Summarizer.summarize(f, options, SizeModelOverrides.NONE, threads, ReadProgress.NONE);
                assertEquals(expected, SummaryJson.toJson(parallel.summary()), () -> file + " on " + threads + " threads");
                assertEquals(sequential.read(), parallel.read(), () -> file + ": what the reader reports, on " + threads + " threads");
            }
            if (f.isRandomAccess()) {
                HistogramBuilder split = roundRobin(f, options, 3);
                if (!mergeable) assertEquals(null, split, "the merge must refuse");
                else assertEquals(expected, SummaryJson.toJson(split.summary(sequential.summary().dump(), sequential.read())), file + " in three parts");
            }
        }
    }

    /** The builder after a read whose records after the split go to {@code parts} parts in turn; null if the merge refused. */
    private static HistogramBuilder roundRobin(HprofFile f, HprofReader.Options options, int parts) throws IOException {
        HprofReader reader = new HprofReader(f, options);
        HistogramBuilder builder = new HistogramBuilder();
        HeapPlan plan = reader.plan(builder);
        List<HeapRecordRange> ranges = plan.ranges();
        int i = 0;
        while (i < ranges.size() && !builder.readyToSplit()) reader.readRange(ranges.get(i++), builder);
        if (i < ranges.size()) {
            List<HeapTally> tallies = new ArrayList<>();
            for (int p = 0; p < parts; p++) tallies.add(builder.newPart());
            for (int k = 0; i < ranges.size(); i++, k++) reader.readRange(ranges.get(i), tallies.get(k % parts));
            if (!builder.merge(tallies)) return null;
        }
        Summarizer.resolveLoaders(builder, reader, f);
        return builder;
    }

    /** Loaders defining same-named classes, a hierarchy, arrays of every kind (long ones too), strings, roots. */
    private static SyntheticHeap heap(HeapOptions options) {
        SyntheticHeap heap = new SyntheticHeap(options);
        SyntheticClass loaderClass = heap.newClass("com.example.PluginLoader").superclass(heap.systemClass("java.lang.ClassLoader")).define();
        HeapObject loader1 = heap.instance(loaderClass);
        HeapObject loader2 = heap.instance(loaderClass);
        SyntheticClass plugin1 = heap.newClass("com.example.Plugin").loader(loader1).field("id", BasicType.INT).define();
        SyntheticClass plugin2 = heap.newClass("com.example.Plugin").loader(loader2).field("id", BasicType.INT).define();
        SyntheticClass base = heap.newClass("com.example.Base").field("flag", BasicType.BOOLEAN).field("next", BasicType.OBJECT)
                .staticField("INSTANCES", BasicType.INT, 3).define();
        SyntheticClass derived = heap.newClass("com.example.Derived").superclass(base).field("when", BasicType.LONG).field("tag", BasicType.SHORT).define();
        for (int round = 0; round < 60; round++) {
            for (int i = 0; i < 3; i++) heap.instance(plugin1);
            heap.instance(plugin2);
            for (int i = 0; i < 7; i++) heap.instance(derived);
            heap.instance(base);
            heap.objectArray(heap.arrayClassOf(plugin1), 1024 + round % 7);
            heap.objectArray(heap.arrayClassOf(plugin2), 1024 + round % 7);
            heap.objectArray(heap.arrayClassOf(base), round % 9);
            for (int length = 0; length < 12; length++) {
                heap.primitiveArray(BasicType.BYTE, length * round);
                heap.primitiveArray(BasicType.INT, length + round);
                heap.primitiveArray(BasicType.CHAR, (length * 7 + round) % 31);
                heap.primitiveArray(BasicType.LONG, length % 5);
                heap.string("s" + round + "/" + length);
            }
        }
        heap.root(RootKind.STICKY_CLASS, plugin1);
        heap.root(GcRoot.jniGlobal(loader1.id(), 0x1000));
        heap.root(GcRoot.jniGlobal(loader2.id(), 0x1008));
        return heap;
    }

    private Path write(SyntheticHeap heap, Layout layout, String name) throws IOException {
        return Files.write(dir.resolve(name), heap.toBytes(layout));
    }

    @Test
    void serialHotSpotOrderInSmallSegments() throws Exception {
        assertSameSummaries(write(heap(HeapOptions.hotspot64()), Layout.hotspot().withSegmentBodyLimit(4096), "serial.hprof"), 1);
    }

    @Test
    void parallelRunsWithClassDumpsAfterTheObjects() throws Exception {
        // the loaders' objects come before any class dump naming them: the loader pass re-reads a few records
        Path file = write(heap(HeapOptions.hotspot64()), Layout.parallel(4, 7).withSegmentBodyLimit(4096), "parallel.hprof");
        try (HprofFile f = HprofFile.open(file)) {
            HistogramBuilder b = new HistogramBuilder();
            new HprofReader(f).read(b);
            assertTrue(b.needsLoaderPass(), "the layout should leave loaders unresolved");
            int records = new HprofReader(f).plan(new HistogramBuilder()).ranges().size();
            List<HeapRecordRange> again = b.loaderRecords(f.fileSize());
            assertTrue(!again.isEmpty() && again.size() < records / 2, again.size() + " of " + records + " records read again");
        }
        assertSameSummaries(file, 1);
    }

    @Test
    void shuffledSegmentsAndObjects() throws Exception {
        Layout layout = Layout.hotspot().withSegmentBodyLimit(2048).withObjectOrder(Layout.ObjectOrder.SHUFFLED, 5).withShuffledSegments(true);
        assertSameSummaries(write(heap(HeapOptions.hotspot64()), layout, "shuffled.hprof"), 1);
    }

    @Test
    void fourByteIds() throws Exception {
        assertSameSummaries(write(heap(HeapOptions.ids4()), Layout.parallel(3, 2).withSegmentBodyLimit(3000), "ids4.hprof"), 1);
    }

    @Test
    void androidWithArraysWithoutData() throws Exception {
        SyntheticHeap heap = heap(HeapOptions.android());
        for (int i = 0; i < 50; i++) heap.primitiveArrayNoData(BasicType.INT, i);
        assertSameSummaries(write(heap, Layout.hotspot().withSegmentBodyLimit(4096), "android.hprof"), 1);
    }

    @Test
    void oneHeapDumpRecord() throws Exception {
        assertSameSummaries(write(heap(HeapOptions.hotspot64()), Layout.singleRecord(), "single.hprof"), 1);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void generatedBenchmarkDump(int dumpers) throws Exception {
        Path file = dir.resolve("generated-" + dumpers + ".hprof");
        LargeDumpGenerator.generate(file, new LargeDumpGenerator.Options(24L << 20, 42, dumpers, false));
        assertSameSummaries(file, 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sun_jdk5_64bit.hprof", "sun_jdk6_18_x32.hprof", "openjdk_jdk11_04_x64.hprof.gz"})
    void oldJvmsDumps(String name) throws Exception {
        assertSameSummaries(SharedDumps.require(name), 1);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void agentFileWithTwoHeapDumps(int dumpNumber) throws Exception {
        assertSameSummaries(SharedDumps.require("sun_jdk6_31_hprofagent_compressedOops.hprof"), dumpNumber);
    }

    @Test
    void truncatedDump() throws Exception {
        byte[] whole = heap(HeapOptions.hotspot64()).toBytes(Layout.parallel(2, 3).withSegmentBodyLimit(4096));
        Path file = Files.write(dir.resolve("cut.hprof"), Arrays.copyOf(whole, whole.length * 2 / 3));
        assertSameSummaries(file, 1);
        try (HprofFile f = HprofFile.open(file)) {
            assertTrue(Summarizer.summarize(f).completeness().partial());
        }
    }

    /**
     * A class dumped again in a later record, and instances that disagree on their field bytes: a sequential pass
     * keeps the first of each, which parts parsed apart cannot tell, so the merge refuses and the summary is read
     * in order; either way it is the sequential one.
     */
    @Test
    void whatOnlyOrderSettlesIsReadInOrder() throws Exception {
        for (boolean duplicateClass : new boolean[] {true, false}) {
            Path file = dir.resolve("odd-" + duplicateClass + ".hprof");
            Files.write(file, oddDump(duplicateClass));
            assertSameSummaries(file, 1, false);
        }
    }

    /** Four segments of class 0x1000's instances (4 field bytes); segment 3 dumps the class again, or starts with 8-byte instances. */
    private static byte[] oddDump(boolean duplicateClass) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ClassDump foo = ClassDump.simple(0x1000, 0, 0, 4, List.of(new ClassDump.InstanceField(0x101, BasicType.INT)));
        try (HprofWriter w = new HprofWriter(out, 8)) {
            w.header("JAVA PROFILE 1.0.2", 0);
            w.string(0x100, "Foo");
            w.string(0x101, "value");
            w.loadClass(1, 0x1000, 1, 0x100);
            w.classDump(foo);
            long id = 0x2000;
            for (int segment = 0; segment < 4; segment++) {
                w.flushHeapRecord();
                if (segment == 2 && duplicateClass) w.classDump(foo);
                for (int i = 0; i < 5; i++, id += 16) {
                    byte[] fields = segment == 2 && !duplicateClass && i == 0 ? new byte[8] : new byte[4];
                    w.instanceDump(id, 1, 0x1000, fields);
                }
            }
            w.endHeapDump();
        }
        return out.toByteArray();
    }

    @Test
    void progressCoversTheFileFromEveryThread() throws Exception {
        Path file = write(heap(HeapOptions.hotspot64()), Layout.parallel(4, 7).withSegmentBodyLimit(4096), "progress.hprof");
        try (HprofFile f = HprofFile.open(file)) {
            java.util.concurrent.atomic.AtomicLong last = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.atomic.AtomicLong calls = new java.util.concurrent.atomic.AtomicLong();
            Summarizer.summarize(f, HprofReader.Options.DEFAULT, SizeModelOverrides.NONE, 3, bytes -> {
                calls.incrementAndGet();
                last.accumulateAndGet(bytes, Math::max);
            });
            int records = new HprofReader(f).plan(new HistogramBuilder()).ranges().size();
            assertEquals(records, calls.get(), "one report per heap record");
            assertEquals(f.fileSize(), last.get(), "the last report covers the whole file");
        }
    }

    @Test
    void noPartBeforeTheObjectsStart() throws Exception {
        Path file = write(heap(HeapOptions.hotspot64()), Layout.hotspot().withSegmentBodyLimit(4096), "early.hprof");
        try (HprofFile f = HprofFile.open(file)) {
            HistogramBuilder b = new HistogramBuilder();
            new HprofReader(f).plan(b); // strings and classes only: no object yet
            assertFalse(b.readyToSplit());
            assertThrows(IllegalStateException.class, b::newPart);
        }
    }
}
