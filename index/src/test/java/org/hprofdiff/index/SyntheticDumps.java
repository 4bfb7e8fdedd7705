package org.hprofdiff.index;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hprofdiff.testdata.synth.BasicType;
import org.hprofdiff.testdata.synth.DumpFiles;
import org.hprofdiff.testdata.synth.GcRoot;
import org.hprofdiff.testdata.synth.HeapObject;
import org.hprofdiff.testdata.synth.HeapOptions;
import org.hprofdiff.testdata.synth.HprofWriter;
import org.hprofdiff.testdata.synth.LargeDumpGenerator;
import org.hprofdiff.testdata.synth.Layout;
import org.hprofdiff.testdata.synth.RootKind;
import org.hprofdiff.testdata.synth.SyntheticClass;
import org.hprofdiff.testdata.synth.SyntheticHeap;
import org.hprofdiff.testdata.synth.SyntheticThread;

/**
 * Dumps written by testdata's independent hprof writer for shapes a child JVM does not produce: an
 * Android dump (4-byte ids, primitive arrays without data, Android root kinds, heap infos, unreachable
 * marks), objects in random order (the id sort's radix path), and a small LargeDumpGenerator dump (JDK 22+
 * parallel-dump order, class dumps after their instances). Cached under target/test-dumps.
 */
final class SyntheticDumps {
    private SyntheticDumps() {}

    private static final Path DIR = Path.of("target", "test-dumps").toAbsolutePath();

    static synchronized Path android() throws Exception {
        Path p = DIR.resolve("synthetic-android-v1.hprof");
        if (Files.exists(p)) return p;
        SyntheticHeap h = new SyntheticHeap(HeapOptions.android());
        SyntheticClass node = h.newClass("com.example.Node").field("next", BasicType.OBJECT).field("data", BasicType.OBJECT)
                .field("count", BasicType.INT).define();
        h.onHeap(1, "app");
        HeapObject previous = null;
        List<HeapObject> nodes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            HeapObject data = i % 3 == 0 ? h.primitiveArrayNoData(BasicType.INT, 10 + i) : i % 3 == 1 ? h.string("s" + i) : null;
            HeapObject n = h.instance(node, "next", previous, "data", data, "count", i);
            nodes.add(n);
            previous = n;
        }
        h.onHeap(2, "zygote");
        HeapObject weak = h.instance(h.systemClass("java/lang/ref/WeakReference"), "referent", nodes.get(5));
        SyntheticThread main = h.thread("main", "com.example.App.main");
        h.javaLocal(main, previous, 0);
        h.root(RootKind.INTERNED_STRING, nodes.get(1).get("data"));
        h.root(RootKind.VM_INTERNAL, weak);
        h.root(GcRoot.onThread(RootKind.JNI_MONITOR, nodes.get(7).id(), main.serial(), 0));
        h.markUnreachable(nodes.get(0));
        write(h, p, Layout.singleRecord());
        return p;
    }

    static synchronized Path shuffled() throws Exception {
        Path p = DIR.resolve("synthetic-shuffled-v1.hprof");
        if (Files.exists(p)) return p;
        SyntheticHeap h = new SyntheticHeap(HeapOptions.hotspot64());
        SyntheticClass item = h.newClass("com.example.Item").field("left", BasicType.OBJECT).field("right", BasicType.OBJECT)
                .field("value", BasicType.LONG).define();
        Random r = new Random(9);
        List<HeapObject> items = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            Object left = items.isEmpty() ? null : items.get(r.nextInt(items.size()));
            Object right = items.isEmpty() || r.nextBoolean() ? null : items.get(r.nextInt(items.size()));
            items.add(h.instance(item, "left", left, "right", right, "value", (long) i));
        }
        h.root(RootKind.UNKNOWN, items.getLast());
        write(h, p, new Layout(HprofWriter.HeapFraming.SEGMENTS, 64 << 10, Layout.ObjectOrder.SHUFFLED, 1, true, false, 5, false));
        return p;
    }

    static synchronized Path largeGenerated() throws Exception {
        Path p = DIR.resolve("synthetic-large-20m-v1.hprof");
        if (Files.exists(p)) return p;
        Files.createDirectories(DIR);
        Path tmp = DIR.resolve("synthetic-large-20m-v1.tmp.hprof");
        LargeDumpGenerator.generate(tmp, new LargeDumpGenerator.Options(20L << 20, 42, 4, false));
        Files.move(tmp, p);
        return p;
    }

    /** The first 3/5 of {@link #largeGenerated}, in {@code dir}: a dump cut inside a heap record. */
    static Path largeGeneratedCut(Path dir) throws Exception {
        Path whole = largeGenerated();
        Path cut = dir.resolve("cut.hprof");
        try (var in = Files.newInputStream(whole); var out = Files.newOutputStream(cut)) {
            out.write(in.readNBytes((int) (Files.size(whole) * 3 / 5)));
        }
        return cut;
    }

    private static void write(SyntheticHeap h, Path p, Layout layout) throws Exception {
        Files.createDirectories(DIR);
        Path tmp = p.resolveSibling(p.getFileName() + ".tmp");
        h.writeTo(tmp, layout, DumpFiles.Compression.NONE);
        Files.move(tmp, p);
    }
}
