package org.hprofdiff.index.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hprofdiff.core.read.HprofFile;
import org.hprofdiff.core.size.SizeModelOverrides;
import org.hprofdiff.index.BuildProgress;
import org.hprofdiff.index.IndexContents;
import org.hprofdiff.index.store.DumpIdentity;
import org.hprofdiff.testdata.synth.BasicType;
import org.hprofdiff.testdata.synth.GcRoot;
import org.hprofdiff.testdata.synth.HeapObject;
import org.hprofdiff.testdata.synth.HeapOptions;
import org.hprofdiff.testdata.synth.Layout;
import org.hprofdiff.testdata.synth.RootKind;
import org.hprofdiff.testdata.synth.SyntheticClass;
import org.hprofdiff.testdata.synth.SyntheticHeap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A heap record with more objects than a worker's capture holds is captured again by the committer (records parsed
 * on the calling thread, before the split or with one thread, are never buffered). Either way the index is the one
 * the default capacity builds: with a capacity of 50 objects and records of hundreds, on one and three threads, for
 * segments in JDK 22+ order and for one HEAP_DUMP record.
 */
class CaptureCapacityTest {
    @TempDir Path dir;

    private static SyntheticHeap heap() {
        SyntheticHeap h = new SyntheticHeap(HeapOptions.hotspot64());
        SyntheticClass node = h.newClass("com.example.Node").field("next", BasicType.OBJECT).field("value", BasicType.INT).define();
        HeapObject previous = null;
        for (int i = 0; i < 3000; i++) {
            HeapObject n = h.instance(node, "next", previous, "value", i);
            if (i % 10 == 0) h.root(GcRoot.jniGlobal(n.id(), 0x1000 + 8L * i));
            if (i % 7 == 0) h.objectArray(node, n, previous);
            if (i % 5 == 0) h.primitiveArray(BasicType.BYTE, i % 40);
            previous = n;
        }
        h.root(RootKind.UNKNOWN, previous);
        return h;
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void smallCapturesBuildTheSameIndex(boolean segments) throws Exception {
        Layout layout = segments ? Layout.parallel(3, 4).withSegmentBodyLimit(16 << 10) : Layout.singleRecord();
        Path dump = Files.write(dir.resolve("dump.hprof"), heap().toBytes(layout));
        Map<String, String> reference = build(dump, 1, RecordCapture.DEFAULT_CAPACITY, "reference");
        for (int threads : new int[] {1, 3}) {
            Map<String, String> small = build(dump, threads, 50, "small-" + threads);
            assertEquals(List.of(), IndexContents.differences(reference, small), "capacity 50 on " + threads + " threads");
        }
    }

    private Map<String, String> build(Path dump, int threads, int capacity, String name) throws Exception {
        Path work = Files.createDirectories(dir.resolve(name));
        try (HprofFile f = HprofFile.open(dump)) {
            DumpIdentity identity = DumpIdentity.of(dump, f.header().version(), f.header().idSize(), f.header().timestampMillis());
            new IndexBuilder(f, identity, work, SizeModelOverrides.NONE, threads, 1, BuildProgress.SILENT).captureCapacity(capacity).build();
        }
        return IndexContents.of(work);
    }
}
