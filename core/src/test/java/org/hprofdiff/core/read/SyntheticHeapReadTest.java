package org.hprofdiff.core.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hprofdiff.core.format.GcRootKind;
import org.hprofdiff.testdata.synth.BasicType;
import org.hprofdiff.testdata.synth.GcRoot;
import org.hprofdiff.testdata.synth.GeneratedTotals;
import org.hprofdiff.testdata.synth.HeapObject;
import org.hprofdiff.testdata.synth.HeapOptions;
import org.hprofdiff.testdata.synth.HeapTruth;
import org.hprofdiff.testdata.synth.HprofWriter;
import org.hprofdiff.testdata.synth.LargeDumpGenerator;
import org.hprofdiff.testdata.synth.Layout;
import org.hprofdiff.testdata.synth.ObjectKind;
import org.hprofdiff.testdata.synth.RootKind;
import org.hprofdiff.testdata.synth.SyntheticClass;
import org.hprofdiff.testdata.synth.SyntheticHeap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whole heaps built with the synthetic heap model, counted by the reader and compared with the model's
 * ground truth: several dumps in one file, classes after their instances (JDK 22+ parallel dumps),
 * Android dumps, and a generated multi-megabyte dump; sequential and parallel reads agree.
 */
class SyntheticHeapReadTest {
    @TempDir Path dir;

    /** What a histogram pass counted, sequentially or merged from a parallel read. */
    record Counted(HistogramVisitor histogram, Map<String, Long> byName, ReadResult result) {}

    static Counted count(Path file, int dump, int threads) throws Exception {
        try (HprofFile f = HprofFile.open(file)) {
            HprofReader reader = new HprofReader(f, new HprofReader.Options(dump));
            ClassNameCollector names = new ClassNameCollector();
            HistogramVisitor total = new HistogramVisitor();
            ReadResult result;
            if (threads == 0) {
                result = reader.read(new SplitVisitor(names, total));
            } else {
                ParallelRead<HistogramVisitor> read = reader.readParallel(threads, names, HistogramVisitor::new);
                read.visitors().forEach(total::addAll);
                result = read.result();
            }
            return new Counted(total, names.countsByName(total), result);
        }
    }

    static void assertMatches(HeapTruth truth, Counted c) {
        assertEquals(truth.count(ObjectKind.INSTANCE), c.histogram().instances, "instances");
        assertEquals(truth.count(ObjectKind.OBJECT_ARRAY), c.histogram().objectArrays, "object arrays");
        assertEquals(truth.count(ObjectKind.PRIMITIVE_ARRAY), c.histogram().primitiveArrays, "primitive arrays");
        assertEquals(truth.count(ObjectKind.CLASS), c.histogram().classDumps, "class dumps");
        assertEquals(truth.roots().size(), c.histogram().roots, "roots");
        assertEquals(new TreeMap<>(truth.objectCountsByClassName()), c.byName());
        assertFalse(c.result().isPartial(), () -> c.result().problems() + " " + c.result().truncation());
    }

    /** A heap with a few classes (one name from two loaders), instances, arrays, strings, a thread. */
    static SyntheticHeap smallHeap(HeapOptions options, int size) {
        SyntheticHeap heap = new SyntheticHeap(options);
        SyntheticClass loaderClass = heap.systemClass("java.lang.ClassLoader");
        HeapObject loader1 = heap.instance(loaderClass), loader2 = heap.instance(loaderClass);
        SyntheticClass node1 = heap.newClass("com.example.Node").loader(loader1).field("next", BasicType.OBJECT).field("value", BasicType.LONG).define();
        SyntheticClass node2 = heap.newClass("com.example.Node").loader(loader2).field("next", BasicType.OBJECT).define();
        SyntheticClass holder = heap.newClass("com.example.Holder").staticField("ROOT", BasicType.OBJECT, null).field("items", BasicType.OBJECT).define();
        HeapObject prev = null;
        for (int i = 0; i < size; i++) {
            prev = heap.instance(i % 3 == 0 ? node2 : node1, "next", prev);
            if (i % 5 == 0) heap.string("s" + i);
            if (i % 7 == 0) heap.intArray(new int[i % 13]);
        }
        HeapObject items = heap.objectArray(node1, prev, null);
        holder.setStatic("ROOT", heap.instance(holder, "items", items));
        heap.thread("worker", "run", "loop");
        heap.root(RootKind.UNKNOWN, items);
        return heap;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"segments", "single record"})
    void severalDumpsInOneFileAreCountedOneByOne(String framing) throws Exception {
        Layout layout = framing.equals("segments") ? Layout.hotspot().withSegmentBodyLimit(2048) : Layout.singleRecord();
        SyntheticHeap heap = smallHeap(HeapOptions.ids4(), 300);
        Path file = dir.resolve("three.hprof");
        List<HeapTruth> truths = new ArrayList<>();
        try (HprofWriter w = heap.openWriter(Files.newOutputStream(file))) {
            heap.writeDump(w, layout);
            truths.add(heap.truth());
            SyntheticClass later = heap.newClass("com.example.Later").field("x", BasicType.INT).define();
            for (int i = 0; i < 50; i++) heap.instance(later);
            heap.writeDump(w, layout);
            truths.add(heap.truth());
            heap.objects().stream().filter(o -> o.kind() == ObjectKind.PRIMITIVE_ARRAY).forEach(heap::remove);
            heap.writeDump(w, layout);
            truths.add(heap.truth());
        }
        for (int dump = 1; dump <= 3; dump++) {
            for (int threads : new int[] {0, 3}) {
                Counted c = count(file, dump, threads);
                assertMatches(truths.get(dump - 1), c);
                assertEquals(3, c.result().heapDumpCount());
                assertEquals(dump, c.result().dumpNumber());
                assertTrue(c.result().dumpFound());
            }
        }
        Counted missing = count(file, 4, 0);
        assertFalse(missing.result().dumpFound());
        assertTrue(missing.result().isPartial());
        assertEquals(0, missing.histogram().objects());
    }

    @ParameterizedTest(name = "ids {0}")
    @ValueSource(ints = {4, 8})
    void classesAfterTheirInstancesAndShuffledSegments(int idSize) throws Exception {
        SyntheticHeap heap = smallHeap(HeapOptions.hotspot64().withIdSize(idSize), 2000);
        Path file = dir.resolve("parallel.hprof");
        heap.writeTo(file, Layout.parallel(4, 11).withSegmentBodyLimit(4096).withShuffledSegments(true),
                org.hprofdiff.testdata.synth.DumpFiles.Compression.NONE);
        for (int threads : new int[] {0, 1, 2, 4}) assertMatches(heap.truth(), count(file, 1, threads));

        // the premise: some instance does come before its class's dump
        EventLog log = new EventLog();
        HprofReader.read(file, log);
        Map<String, Integer> firstClassDump = new HashMap<>();
        for (int i = 0; i < log.events.size(); i++) {
            String[] e = log.events.get(i).split(" ");
            if (e[0].equals("class")) firstClassDump.putIfAbsent(e[1], i);
        }
        boolean instanceFirst = false;
        for (int i = 0; i < log.events.size() && !instanceFirst; i++) {
            String[] e = log.events.get(i).split(" ");
            if (e[0].equals("instance")) instanceFirst = firstClassDump.getOrDefault(e[3], -1) > i;
        }
        assertTrue(instanceFirst, "an instance precedes its class dump");
    }

    @Test
    void androidDump() throws Exception {
        SyntheticHeap heap = new SyntheticHeap(HeapOptions.android());
        heap.onHeap(1, "image");
        SyntheticClass cls = heap.newClass("android.app.Thing").field("other", BasicType.OBJECT).define();
        HeapObject a = heap.instance(cls);
        heap.onHeap(2, "zygote");
        HeapObject b = heap.instance(cls, "other", a);
        heap.primitiveArrayNoData(BasicType.CHAR, 40);
        heap.onHeap(3, "app");
        HeapObject c = heap.instance(cls, "other", b);
        heap.byteArray(new byte[17]);
        heap.primitiveArrayNoData(BasicType.INT, 3);
        for (RootKind kind : RootKind.values()) {
            if (kind.isAndroidOnly() && kind.layout() == RootKind.Layout.ID) heap.root(kind, c);
        }
        heap.root(GcRoot.onThread(RootKind.JNI_MONITOR, b.id(), 1, 2));
        heap.markUnreachable(a);
        byte[] bytes = heap.toBytes(Layout.singleRecord());
        Path file = Files.write(dir.resolve("android.hprof"), bytes);

        try (HprofFile f = HprofFile.open(file)) {
            assertEquals("1.0.3", f.header().version());
            assertEquals(4, f.header().idSize());
        }
        for (int threads : new int[] {0, 2}) assertMatches(heap.truth(), count(file, 1, threads));

        EventLog log = new EventLog();
        ReadResult r = HprofReader.read(file, log);
        assertEquals(1L, r.count(org.hprofdiff.core.format.RecordTag.HEAP_DUMP));
        List<String> android = log.events.stream().filter(e -> e.startsWith("heapInfo") || e.startsWith("unreachable")
                || e.startsWith("root INTERNED") || e.startsWith("root FINAL") || e.startsWith("root DEBUG") || e.startsWith("root REFERENCE")
                || e.startsWith("root VM") || e.startsWith("root JNI_MONITOR") || e.contains("at -1")).toList();
        String bId = EventLog.hex(b.id()), cId = EventLog.hex(c.id());
        List<String> expected = new ArrayList<>();
        for (String kind : List.of("INTERNED_STRING", "FINALIZING", "DEBUGGER", "REFERENCE_CLEANUP", "VM_INTERNAL")) {
            expected.add("root " + kind + " " + cId + " -1 -1");
        }
        expected.add("root JNI_MONITOR " + bId + " 1 2");
        expected.add("unreachable " + EventLog.hex(a.id()));
        assertEquals(expected.subList(0, 7), android.subList(0, 7), "roots and marks come first");
        List<String> heapsAndNoData = android.subList(7, android.size()).stream().map(e -> e.replaceAll("0x[0-9a-f]+ CHAR|0x[0-9a-f]+ INT", "#")).toList();
        long image = heap.symbolId("image"), zygote = heap.symbolId("zygote"), app = heap.symbolId("app");
        assertEquals(List.of("heapInfo 1 " + EventLog.hex(image), "heapInfo 2 " + EventLog.hex(zygote), "primitiveArray # length 40 at -1",
                "heapInfo 3 " + EventLog.hex(app), "primitiveArray # length 3 at -1"), heapsAndNoData);
        assertEquals(GcRootKind.values().length, RootKind.values().length);
    }

    @Test
    void generatedDumpMatchesItsTotals() throws Exception {
        Path file = dir.resolve("large.hprof");
        GeneratedTotals totals = LargeDumpGenerator.generate(file, new LargeDumpGenerator.Options(24L << 20, 7, 3, false));
        for (int threads : new int[] {0, 1, 2}) {
            Counted c = count(file, 1, threads);
            assertEquals(totals.objectCount(ObjectKind.INSTANCE), c.histogram().instances);
            assertEquals(totals.objectCount(ObjectKind.OBJECT_ARRAY), c.histogram().objectArrays);
            assertEquals(totals.objectCount(ObjectKind.PRIMITIVE_ARRAY), c.histogram().primitiveArrays);
            assertEquals(totals.objectCount(ObjectKind.CLASS), c.histogram().classDumps);
            assertEquals(totals.gcRoots(), c.histogram().roots);
            assertEquals(totals.objectsByClass(), c.byName());
            assertEquals(totals.fileBytes(), c.result().bytesRead());
            assertFalse(c.result().isPartial());
        }
    }
}
