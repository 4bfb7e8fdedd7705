package org.hprofdiff.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hprofdiff.core.read.HprofFile;
import org.hprofdiff.testdata.synth.BasicType;
import org.hprofdiff.testdata.synth.GcRoot;
import org.hprofdiff.testdata.synth.HeapObject;
import org.hprofdiff.testdata.synth.HeapOptions;
import org.hprofdiff.testdata.synth.HeapTruth;
import org.hprofdiff.testdata.synth.Layout;
import org.hprofdiff.testdata.synth.RootKind;
import org.hprofdiff.testdata.synth.SizeModel;
import org.hprofdiff.testdata.synth.SyntheticClass;
import org.hprofdiff.testdata.synth.SyntheticHeap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Summaries of heaps written by testdata's synthetic hprof writer, whose ground truth (counts, shallow
 * sizes under its size model) comes from the model it built, not from the bytes.
 */
class SyntheticHeapSummaryTest {
    @TempDir
    Path dir;

    /** Two loaders of one loader class defining a class of the same name, a hierarchy, arrays of every kind, roots. */
    private static SyntheticHeap heap(SizeModel sizes) {
        SyntheticHeap heap = new SyntheticHeap(HeapOptions.hotspot64().withSizeModel(sizes));
        SyntheticClass loaderClass = heap.newClass("com.example.PluginLoader").superclass(heap.systemClass("java.lang.ClassLoader")).define();
        HeapObject loader1 = heap.instance(loaderClass);
        HeapObject loader2 = heap.instance(loaderClass);
        SyntheticClass plugin1 = heap.newClass("com.example.Plugin").loader(loader1).field("id", BasicType.INT).define();
        SyntheticClass plugin2 = heap.newClass("com.example.Plugin").loader(loader2).field("id", BasicType.INT).define();
        SyntheticClass base = heap.newClass("com.example.Base").field("flag", BasicType.BOOLEAN).field("next", BasicType.OBJECT).define();
        SyntheticClass derived = heap.newClass("com.example.Derived").superclass(base).field("when", BasicType.LONG).field("tag", BasicType.SHORT).define();
        for (int i = 0; i < 3; i++) heap.instance(plugin1);
        for (int i = 0; i < 2; i++) heap.instance(plugin2);
        for (int i = 0; i < 7; i++) heap.instance(derived);
        heap.instance(base);
        for (int i = 0; i < 3; i++) heap.objectArray(heap.arrayClassOf(plugin1), 2048);
        heap.objectArray(heap.arrayClassOf(plugin1), 1000);
        heap.objectArray(heap.arrayClassOf(base), 5);
        for (int length = 0; length < 40; length++) {
            heap.primitiveArray(BasicType.BYTE, length);
            heap.primitiveArray(BasicType.INT, length);
            heap.primitiveArray(BasicType.CHAR, length % 7);
            heap.primitiveArray(BasicType.LONG, length % 5);
            heap.primitiveArray(BasicType.BOOLEAN, length % 3);
            heap.string("s" + length);
        }
        heap.root(RootKind.STICKY_CLASS, plugin1);
        heap.root(GcRoot.jniGlobal(loader1.id(), 0x1000));
        heap.root(GcRoot.jniGlobal(loader2.id(), 0x1008));
        return heap;
    }

    private DumpSummary summarize(SyntheticHeap heap, Layout layout, String name) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, heap.toBytes(layout));
        try (HprofFile f = HprofFile.open(file)) {
            return Summarizer.summarize(f);
        }
    }

    /** Per Java name: {objects, bytes} from the writer's model; java.lang.Class counts the mirrors. */
    private static Map<String, long[]> truthByName(HeapTruth truth, SyntheticHeap heap) {
        Map<String, long[]> out = new TreeMap<>();
        for (HeapObject o : heap.objects()) {
            long[] v = out.computeIfAbsent(truth.classNames().get(o.type().id()), k -> new long[2]);
            v[0]++;
            v[1] += truth.shallowSize(o.id());
        }
        for (SyntheticClass c : heap.classes()) {
            long[] v = out.computeIfAbsent("java.lang.Class", k -> new long[2]);
            v[0]++;
            v[1] += truth.shallowSize(c.id());
        }
        return out;
    }

    private static Map<String, long[]> rowsByName(DumpSummary s) {
        Map<String, long[]> out = new TreeMap<>();
        for (ClassStats row : s.classes()) {
            long[] v = out.computeIfAbsent(row.name(), k -> new long[2]);
            v[0] += row.instances();
            v[1] += row.shallowBytes();
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"COMPRESSED_OOPS", "UNCOMPRESSED"})
    void countsAndBytesEqualTheWritersModel(String sizes) throws Exception {
        SizeModel model = sizes.equals("COMPRESSED_OOPS") ? SizeModel.COMPRESSED_OOPS : SizeModel.UNCOMPRESSED;
        SyntheticHeap heap = heap(model);
        DumpSummary s = summarize(heap, Layout.hotspot(), "heap.hprof");
        assertEquals(model.objectHeaderBytes(), s.sizeModel().objectHeaderBytes(), s.sizeModel().toString());
        assertEquals(model.referenceBytes(), s.sizeModel().referenceBytes(), s.sizeModel().toString());
        Map<String, long[]> truth = truthByName(heap.truth(), heap);
        Map<String, long[]> rows = rowsByName(s);
        assertEquals(truth.keySet(), rows.keySet());
        // Mirrors with static fields are sized by the writer's own convention; this heap has none, so all must agree.
        truth.forEach((name, v) -> assertEquals(List.of(v[0], v[1]), List.of(rows.get(name)[0], rows.get(name)[1]), name));
    }

    @Test
    void sameNamedClassesOfTwoLoadersStayApart() throws Exception {
        DumpSummary s = summarize(heap(SizeModel.COMPRESSED_OOPS), Layout.hotspot(), "loaders.hprof");
        Map<String, Long> plugins = s.classes().stream().filter(c -> c.name().equals("com.example.Plugin"))
                .collect(Collectors.toMap(ClassStats::loader, ClassStats::instances));
        assertEquals(Set.of("com.example.PluginLoader#1", "com.example.PluginLoader#2"), plugins.keySet());
        assertEquals(Set.of(2L, 3L), Set.copyOf(plugins.values()));
        ClassStats bootstrapLoaderClass = s.classes().stream().filter(c -> c.name().equals("com.example.PluginLoader")).findFirst().orElseThrow();
        assertEquals(ClassStats.BOOTSTRAP, bootstrapLoaderClass.loader());
        assertEquals("com.example.PluginLoader", bootstrapLoaderClass.key());
        assertTrue(s.classes().stream().filter(c -> c.name().equals("com.example.Plugin")).map(ClassStats::key).allMatch(k -> k.startsWith("com.example.Plugin @com.example.PluginLoader#")));
    }

    @Test
    void classDumpsAfterTheirInstancesGiveTheSameSummary() throws Exception {
        SyntheticHeap heap = heap(SizeModel.COMPRESSED_OOPS);
        DumpSummary serial = summarize(heap, Layout.hotspot(), "serial.hprof");
        DumpSummary parallel = summarize(heap, Layout.parallel(3, 42), "parallel.hprof");
        assertEquals(serial.classes(), parallel.classes());
        assertEquals(serial.arraysByLength(), parallel.arraysByLength());
        assertEquals(serial.totals(), parallel.totals());
    }

    @Test
    void longObjectArraysAreListedByClassAndLength() throws Exception {
        DumpSummary s = summarize(heap(SizeModel.COMPRESSED_OOPS), Layout.hotspot(), "arrays.hprof");
        assertEquals(1, s.arraysByLength().size(), s.arraysByLength().toString());
        ArrayLengthStats a = s.arraysByLength().getFirst();
        assertEquals("com.example.Plugin[2048]", a.label());
        assertEquals(3, a.instances());
        assertEquals(3 * (16 + 2048 * 4), a.shallowBytes()); // 16-byte array header, 4-byte references, already 8-aligned
    }

    @Test
    void totalsCountKindsAndRoots() throws Exception {
        SyntheticHeap heap = heap(SizeModel.COMPRESSED_OOPS);
        DumpSummary s = summarize(heap, Layout.hotspot(), "totals.hprof");
        HeapTruth truth = heap.truth();
        assertEquals(heap.classes().size(), s.totals().classCount());
        assertEquals(truth.objectCounts().values().stream().mapToLong(Long::longValue).sum(), s.totals().objects());
        assertEquals(2L, s.totals().gcRootsByKind().get("JNI global"));
        assertNotNull(s.totals().gcRootsByKind().get("system class"));
        assertFalse(s.completeness().partial());
    }

    @Test
    void aTruncatedDumpIsSummarisedAsPartial() throws Exception {
        byte[] whole = heap(SizeModel.COMPRESSED_OOPS).toBytes(Layout.hotspot());
        Path file = dir.resolve("truncated.hprof");
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length * 2 / 3));
        DumpSummary s;
        try (HprofFile f = HprofFile.open(file)) {
            s = Summarizer.summarize(f);
        }
        assertTrue(s.completeness().partial());
        assertNotNull(s.completeness().truncation());
        assertTrue(s.totals().objects() > 0);
    }
}
