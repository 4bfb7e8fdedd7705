package org.hprofdiff.core.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hprofdiff.core.format.RecordTag;
import org.hprofdiff.testdata.synth.BasicType;
import org.hprofdiff.testdata.synth.ClassDump;
import org.hprofdiff.testdata.synth.FieldValue;
import org.hprofdiff.testdata.synth.GcRoot;
import org.hprofdiff.testdata.synth.HprofWriter;
import org.hprofdiff.testdata.synth.RootKind;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every top-level record and every heap sub-record of hprof 1.0.1-1.0.3 (Android's included), written by
 * the synthetic writer with ids of 4 and 8 bytes, as one HEAP_DUMP or as many small segments, plain and
 * gzipped, read sequentially and in parallel: each callback carries exactly the values written.
 */
class EveryRecordTest {
    @TempDir Path dir;

    static Stream<Arguments> variants() {
        List<Arguments> all = new ArrayList<>();
        for (int idSize : new int[] {4, 8}) {
            for (HprofWriter.HeapFraming framing : HprofWriter.HeapFraming.values()) {
                for (TinyDump.Form form : TinyDump.Form.values()) {
                    for (Reads.Mode mode : Reads.Mode.values()) all.add(Arguments.of(idSize, framing, form, mode));
                }
            }
        }
        return all.stream();
    }

    /** Writes every record kind; returns the top-level and heap lines an EventLog must give (positions left out). */
    static List<List<String>> write(HprofWriter w, int idSize) {
        List<String> top = new ArrayList<>(), heap = new ArrayList<>();
        w.string(0x10, "main");
        w.string(0x11, "h\u00e9llo \u2713");
        top.addAll(List.of("string 0x10 main", "string 0x11 h\u00e9llo \u2713"));
        w.loadClass(7, 0x1000, 3, 0x10);
        top.add("loadClass 7 0x1000 3 0x10");
        w.unloadClass(7);
        w.stackFrame(0x50, 0x11, 0x12, 0x13, 7, -2);
        top.add("stackFrame 0x50 0x11 0x12 0x13 7 -2");
        w.stackTrace(3, 1, 0x50, 0x51);
        top.add("stackTrace 3 1 [0x50,0x51]");
        w.record(org.hprofdiff.testdata.synth.RecordTag.ALLOC_SITES, new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31});
        w.heapSummary(1000, 10, 5000, 50);
        w.startThread(1, 0x3000, 3, 0x10, 0x14, 0x15);
        top.add("startThread 1 0x3000 3 0x10 0x14 0x15");
        w.endThread(2);
        w.record(org.hprofdiff.testdata.synth.RecordTag.CPU_SAMPLES, new RawBytes().u4(1).u4(0).toByteArray());
        w.controlSettings(2, 4);

        w.heapDumpInfo(3, 0x16);
        heap.add("heapInfo 3 0x16");
        long rootId = 0x9001;
        for (RootKind kind : RootKind.values()) {
            long id = rootId++;
            GcRoot root = switch (kind.layout()) {
                case ID -> GcRoot.of(kind, id);
                case ID_ID -> GcRoot.jniGlobal(id, 0x77);
                case ID_U4 -> new GcRoot(kind, id, 1, 0);
                case ID_U4_U4 -> kind == RootKind.THREAD_OBJECT ? GcRoot.threadObject(id, 1, 3) : GcRoot.onThread(kind, id, 1, 2);
            };
            w.root(root);
            String thread = kind.layout() == RootKind.Layout.ID || kind.layout() == RootKind.Layout.ID_ID ? "-1" : "1";
            // frame 2 for thread-local roots; a thread object's stack trace serial (3) is not passed on
            String frame = kind.layout() == RootKind.Layout.ID_U4_U4 && kind != RootKind.THREAD_OBJECT ? "2" : "-1";
            heap.add("root " + kind.name() + " 0x" + Long.toHexString(id) + " " + thread + " " + frame);
        }
        w.root(GcRoot.onThread(RootKind.JAVA_FRAME, 0x9100, 2, -1)); // -1: no frame (HotSpot's empty stack)
        heap.add("root JAVA_FRAME 0x9100 2 -1");

        w.classDump(new ClassDump(0x1000, 3, 0x1001, 0x1002, 0x1003, 0x1004, 0, 0, 13 + idSize,
                List.of(new ClassDump.ConstantPoolEntry(1, FieldValue.ofInt(5)), new ClassDump.ConstantPoolEntry(2, FieldValue.ref(0x4444))),
                List.of(new ClassDump.StaticField(0x20, FieldValue.ref(0x4000)), new ClassDump.StaticField(0x21, FieldValue.ofBoolean(true)),
                        new ClassDump.StaticField(0x22, FieldValue.ofChar('x')), new ClassDump.StaticField(0x23, FieldValue.ofFloat(1.5f)),
                        new ClassDump.StaticField(0x24, FieldValue.ofDouble(2.5)), new ClassDump.StaticField(0x25, FieldValue.ofByte((byte) -1)),
                        new ClassDump.StaticField(0x26, FieldValue.ofShort((short) -2)), new ClassDump.StaticField(0x27, FieldValue.ofInt(-3)),
                        new ClassDump.StaticField(0x28, FieldValue.ofLong(-4))),
                List.of(new ClassDump.InstanceField(0x30, BasicType.OBJECT), new ClassDump.InstanceField(0x31, BasicType.INT),
                        new ClassDump.InstanceField(0x32, BasicType.LONG), new ClassDump.InstanceField(0x33, BasicType.BYTE))));
        heap.add("class 0x1000 super 0x1001 loader 0x1002 signers 0x1003 pd 0x1004 size " + (13 + idSize)
                + " statics [0x20:OBJECT=4000,0x21:BOOLEAN=1,0x22:CHAR=78,0x23:FLOAT=3fc00000,0x24:DOUBLE=4004000000000000,0x25:BYTE=ff,"
                + "0x26:SHORT=fffe,0x27:INT=fffffffd,0x28:LONG=fffffffffffffffc] fields [0x30:OBJECT,0x31:INT,0x32:LONG,0x33:BYTE]");
        w.instanceDump(0x2000, 3, 0x1000, List.of(FieldValue.ref(0x2010), FieldValue.ofInt(7), FieldValue.ofLong(-1), FieldValue.ofByte((byte) 3)));
        heap.add("instance 0x2000 class 0x1000 fields " + (idSize == 8 ? "0000000000002010" : "00002010") + "00000007ffffffffffffffff03");
        w.instanceDump(0x2010, 3, 0x1005, new byte[0]);
        heap.add("instance 0x2010 class 0x1005 fields ");
        w.objectArrayDump(0x2100, 3, 0x1100, new long[] {0x2000, 0, 0x2010});
        heap.add("objectArray 0x2100 class 0x1100 [0x2000,0x0,0x2010]");
        w.objectArrayDump(0x2108, 3, 0x1100, new long[0]);
        heap.add("objectArray 0x2108 class 0x1100 []");
        w.heapDumpInfo(4, 0x17);
        heap.add("heapInfo 4 0x17");
        long arrayId = 0x2200;
        int length = 1;
        for (BasicType type : BasicType.values()) {
            if (!type.isPrimitive()) continue;
            w.primitiveArrayDump(arrayId, 3, type, length, new byte[length * type.sizeInDump(idSize)]);
            heap.add("primitiveArray 0x" + Long.toHexString(arrayId) + " " + type.name() + " length " + length);
            arrayId += 8;
            length++;
        }
        w.primitiveArrayNoData(0x2300, 3, BasicType.INT, 100);
        heap.add("primitiveArray 0x2300 INT length 100 at -1");
        w.unreachable(0x2400);
        heap.add("unreachable 0x2400");
        w.endHeapDump();
        return List.of(top, heap);
    }

    @ParameterizedTest(name = "ids {0}, {1}, {2}, {3}")
    @MethodSource("variants")
    void everyRecordIsDecodedWithTheValuesWritten(int idSize, HprofWriter.HeapFraming framing, TinyDump.Form form, Reads.Mode mode) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<List<String>> expected;
        try (HprofWriter w = new HprofWriter(bytes, idSize)) {
            w.header("JAVA PROFILE 1.0.3", 1_700_000_000_000L);
            w.framing(framing).segmentBodyLimit(64); // many segments, cut as HotSpot cuts them
            expected = write(w, idSize);
        }
        Path file = form.write(dir.resolve("every.hprof"), bytes.toByteArray());
        Reads.Outcome out = Reads.read(file, mode);

        assertEquals(expected.get(0), out.top());
        List<String> heap = out.heap().stream().map(l -> l.replaceAll(" at \\d+$", "")).toList();
        assertEquals(Reads.inModeOrder(expected.get(1), mode), mode == Reads.Mode.PARALLEL ? heap.stream().sorted().toList() : heap);

        ReadResult r = out.result();
        assertFalse(r.isPartial(), () -> r.problems() + " " + r.truncation());
        assertEquals(List.of(), r.problems());
        assertEquals(1, r.heapDumpCount());
        Map<RecordTag, Long> counts = r.recordCounts();
        for (RecordTag t : List.of(RecordTag.LOAD_CLASS, RecordTag.UNLOAD_CLASS, RecordTag.STACK_FRAME, RecordTag.STACK_TRACE,
                RecordTag.ALLOC_SITES, RecordTag.HEAP_SUMMARY, RecordTag.START_THREAD, RecordTag.END_THREAD, RecordTag.CPU_SAMPLES,
                RecordTag.CONTROL_SETTINGS)) {
            assertEquals(1L, counts.get(t), t.name());
        }
        assertEquals(2L, counts.get(RecordTag.STRING));
        if (framing == HprofWriter.HeapFraming.HEAP_DUMP) {
            assertEquals(1L, counts.get(RecordTag.HEAP_DUMP));
            assertEquals(null, counts.get(RecordTag.HEAP_DUMP_END));
        } else {
            assertEquals(1L, counts.get(RecordTag.HEAP_DUMP_END));
            assertEquals(r.heapRecordCount(), counts.get(RecordTag.HEAP_DUMP_SEGMENT));
            assertEquals(true, r.heapRecordCount() > 10, "segments of at most 64 bytes: " + r.heapRecordCount());
        }
    }
}
