package org.hprofdiff.testdata.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyntheticHeapTest {

    private record Ref(long from, long to, String label) {
    }

    /** Classes with a superclass, a loader, statics and a shadowed field; instances, arrays, roots, a thread. */
    private static SyntheticHeap sampleHeap(HeapOptions options) {
        SyntheticHeap heap = new SyntheticHeap(options);
        SyntheticClass loaderClass = heap.newClass("com.acme.Loader")
                .superclass(heap.systemClass("java.lang.ClassLoader")).define();
        HeapObject loader = heap.instance(loaderClass);
        SyntheticClass base = heap.newClass("com/acme/Base").loader(loader).field("owner", BasicType.OBJECT)
                .field("id", BasicType.INT).define();
        SyntheticClass item = heap.newClass("com.acme.Item").superclass(base).loader(loader)
                .field("next", BasicType.OBJECT).field("id", BasicType.LONG).field("price", BasicType.DOUBLE)
                .staticField("FIRST", BasicType.OBJECT, null).staticField("COUNT", BasicType.INT, 3).define();
        HeapObject first = heap.instance(item, "id", 1L, "price", 9.5);
        HeapObject second = heap.instance(item, "next", first, "id", 2L);
        second.set(base, "id", 77);
        first.set("next", second); // a cycle
        first.set("owner", first); // a self-reference
        item.setStatic("FIRST", first);
        HeapObject array = heap.objectArray(item, first, null, second);
        heap.string("héllo wörld ☃");
        heap.intArray(new int[] {1, 2, 3});
        heap.skip(64);
        heap.longArray(new long[] {5});
        SyntheticThread main = heap.thread("main", "run", "main");
        heap.javaLocal(main, array, 1);
        heap.root(GcRoot.jniGlobal(loader.id(), 0x1234));
        return heap;
    }

    private static Set<Ref> decodedReferences(MiniHprof dump) {
        Set<Ref> refs = new HashSet<>();
        dump.forEachReference((from, to, label) -> refs.add(new Ref(from, to, label)));
        return refs;
    }

    private static Set<Ref> truthReferences(HeapTruth truth) {
        Set<Ref> refs = new HashSet<>();
        truth.edges(Edge.Kind.FIELD, Edge.Kind.ARRAY_ELEMENT)
                .forEach(e -> refs.add(new Ref(e.from(), e.to(), e.label())));
        return refs;
    }

    private static void assertDumpMatchesTruth(MiniHprof dump, HeapTruth truth) {
        assertEquals(truth.count(ObjectKind.CLASS), dump.classes.size());
        assertEquals(truth.count(ObjectKind.INSTANCE), dump.objects.stream().filter(o -> o.tag() == 0x21).count());
        assertEquals(truth.count(ObjectKind.OBJECT_ARRAY), dump.objects.stream().filter(o -> o.tag() == 0x22).count());
        assertEquals(truth.count(ObjectKind.PRIMITIVE_ARRAY),
                dump.objects.stream().filter(o -> o.tag() == 0x23 || o.tag() == 0xC3).count());
        assertEquals(truthReferences(truth), decodedReferences(dump));
        Map<Long, Long> perClass = new HashMap<>();
        dump.objects.stream().filter(o -> o.tag() != 0x23 && o.tag() != 0xC3)
                .forEach(o -> perClass.merge(dump.classOf(o), 1L, Long::sum));
        truth.objectCountsByClass().forEach((classId, count) -> {
            if (!truth.classNames().get(classId).matches("(boolean|char|float|double|byte|short|int|long)\\[]")) {
                assertEquals(count, perClass.get(classId), truth.classNames().get(classId));
            }
        });
        Set<MiniHprof.Root> roots = new HashSet<>(dump.roots);
        truth.roots().forEach(r -> assertTrue(roots.contains(new MiniHprof.Root(r.kind().tag(), r.objectId())), r.toString()));
        assertEquals(truth.roots().size(), dump.roots.size());
        long statics = dump.classes.values().stream()
                .flatMap(c -> c.referenceStatics().values().stream()).filter(id -> id != 0).count();
        assertEquals(truth.edges(Edge.Kind.STATIC_FIELD).size(), statics);
    }

    @Test
    void hotspotLayoutDecodesToTheTruth() {
        SyntheticHeap heap = sampleHeap(HeapOptions.hotspot64());
        MiniHprof dump = new MiniHprof(heap.toBytes());
        assertEquals("JAVA PROFILE 1.0.2", dump.version);
        assertEquals(8, dump.idSize);
        assertDumpMatchesTruth(dump, heap.truth());
        assertEquals("com.acme.Item", dump.javaClassName(heap.truth().objectCountsByClass().keySet().stream()
                .filter(id -> "com.acme.Item".equals(heap.truth().classNames().get(id))).findFirst().orElseThrow()));
        // instance size in CLASS_DUMP is the dump's field bytes, superclass fields included
        SyntheticClass item = heap.classes().stream().filter(c -> c.name().equals("com/acme/Item")).findFirst()
                .orElseThrow();
        assertEquals(8 + 8 + 8 + 8 + 4, dump.classes.get(item.id()).instanceSize());
        assertEquals(List.of("next", "id", "price", "owner", "id"),
                dump.layout(item.id()).stream().map(MiniHprof.Field::name).toList());
    }

    @Test
    void idsAreAddressesSpacedByShallowSizes() {
        SyntheticHeap heap = sampleHeap(HeapOptions.hotspot64());
        HeapTruth truth = heap.truth();
        List<Long> ids = new ArrayList<>(truth.shallowSizes().keySet());
        ids.sort(Comparator.naturalOrder());
        int holes = 0;
        for (int i = 0; i + 1 < ids.size(); i++) {
            long gap = ids.get(i + 1) - ids.get(i);
            long size = truth.shallowSize(ids.get(i));
            if (gap != size) {
                assertEquals(size + 64, gap, "only the skipped hole");
                holes++;
            }
        }
        assertEquals(1, holes);
        SyntheticClass item = heap.classes().stream().filter(c -> c.name().equals("com/acme/Item")).findFirst()
                .orElseThrow();
        // 12 header + owner 4 + id 4 + next 4 + id 8 + price 8 = 40
        assertEquals(40, item.instanceShallowSize(SizeModel.COMPRESSED_OOPS));
        assertEquals(24, SizeModel.COMPRESSED_OOPS.arraySize(BasicType.OBJECT, 2));
        assertEquals(56, item.instanceShallowSize(SizeModel.UNCOMPRESSED));
    }

    @Test
    void parallelLayoutPutsClassDumpsAfterInstancesAndBreaksAddressOrder() {
        SyntheticHeap heap = sampleHeap(HeapOptions.hotspot64());
        SyntheticClass leaf = heap.newClass("x.Leaf").field("v", BasicType.INT).define();
        for (int i = 0; i < 400; i++) {
            heap.instance(leaf, "v", i);
        }
        MiniHprof dump = new MiniHprof(heap.toBytes(Layout.parallel(3, 7).withSegmentBodyLimit(2000)));
        assertDumpMatchesTruth(dump, heap.truth());
        assertTrue(dump.subRecordTags.indexOf(0x21) < dump.subRecordTags.indexOf(0x20));
        List<Long> order = dump.objects.stream().map(MiniHprof.ObjectAt::id).toList();
        assertNotEquals(order.stream().sorted().toList(), order);
        int descents = 0;
        for (int i = 0; i + 1 < order.size(); i++) {
            descents += order.get(i + 1) < order.get(i) ? 1 : 0;
        }
        assertTrue(descents >= 2 && descents < 20, "a few interleaved runs, not a shuffle: " + descents);
    }

    @Test
    void shuffledSegmentsAndObjectsKeepTheContent() {
        SyntheticHeap heap = sampleHeap(HeapOptions.hotspot64());
        Layout layout = Layout.hotspot().withSegmentBodyLimit(64).withObjectOrder(Layout.ObjectOrder.SHUFFLED, 3)
                .withShuffledSegments(true);
        MiniHprof dump = new MiniHprof(heap.toBytes(layout));
        assertDumpMatchesTruth(dump, heap.truth());
        assertTrue(dump.records.stream().filter(r -> r.tag() == 0x1C).count() > 5);
    }

    @Test
    void fourByteIdsAndOtherVersions() {
        SyntheticHeap heap = sampleHeap(HeapOptions.ids4().withVersion(HeapOptions.VERSION_1_0_1));
        MiniHprof dump = new MiniHprof(heap.toBytes(Layout.singleRecord()));
        assertEquals("JAVA PROFILE 1.0.1", dump.version);
        assertEquals(4, dump.idSize);
        assertEquals(1, dump.records.stream().filter(r -> r.tag() == 0x0C).count());
        assertEquals(1, dump.records.stream().filter(r -> r.tag() == 0x0A).count(), "START_THREAD");
        assertDumpMatchesTruth(dump, heap.truth());
    }

    @Test
    void severalDumpsInOneFileEachEnded() {
        SyntheticHeap heap = sampleHeap(HeapOptions.hotspot64());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (HprofWriter writer = heap.openWriter(bytes)) {
            heap.writeDump(writer, Layout.hotspot());
            SyntheticClass leak = heap.newClass("x.Leak").define();
            for (int i = 0; i < 10; i++) {
                heap.instance(leak);
            }
            heap.writeDump(writer, Layout.hotspot());
        }
        MiniHprof dump = new MiniHprof(bytes.toByteArray());
        List<Integer> tags = dump.records.stream().map(MiniHprof.Record::tag).toList();
        assertEquals(2, tags.stream().filter(t -> t == 0x2C).count());
        assertTrue(tags.lastIndexOf(0x02) > tags.indexOf(0x2C), "the new class is loaded between the dumps");
        Set<Long> stringIds = new HashSet<>();
        dump.records.stream().filter(r -> r.tag() == 0x01)
                .forEach(r -> assertTrue(stringIds.add(dump.id(r.offset() + 9)), "each string once"));
        assertEquals(2 * (heap.truth().count(ObjectKind.INSTANCE) - 10) + 10,
                dump.objects.stream().filter(o -> o.tag() == 0x21).count());
    }

    @Test
    void androidDump() {
        SyntheticHeap heap = new SyntheticHeap(HeapOptions.android());
        SyntheticClass cls = heap.newClass("app.Thing").field("data", BasicType.OBJECT).define();
        heap.onHeap(1, "image");
        HeapObject image = heap.instance(cls);
        heap.onHeap(3, "app");
        HeapObject bitmap = heap.primitiveArrayNoData(BasicType.BYTE, 1 << 20);
        HeapObject thing = heap.instance(cls, "data", bitmap);
        heap.root(RootKind.INTERNED_STRING, heap.string("interned"));
        heap.root(GcRoot.onThread(RootKind.JNI_MONITOR, thing.id(), 1, 0));
        heap.markUnreachable(image);
        MiniHprof dump = new MiniHprof(heap.toBytes(Layout.singleRecord()));
        assertEquals("JAVA PROFILE 1.0.3", dump.version);
        assertEquals(2, dump.subRecordTags.stream().filter(t -> t == 0xFE).count());
        assertTrue(dump.subRecordTags.contains(0xC3) && dump.subRecordTags.contains(0x90));
        assertTrue(dump.roots.contains(new MiniHprof.Root(0x8E, thing.id())));
        assertEquals(SizeModel.COMPRESSED_OOPS.align(12 + (1 << 20)), heap.truth().shallowSize(bitmap.id()));
    }

    @Test
    void classNamesConvert() {
        assertEquals("[Ljava/lang/String;", InternalNames.toInternal("java.lang.String[]"));
        assertEquals("[[I", InternalNames.toInternal("int[][]"));
        assertEquals("java.util.HashMap$Node[]", InternalNames.toJava("[Ljava/util/HashMap$Node;"));
        assertEquals("long[][]", InternalNames.toJava("[[J"));
    }
}
