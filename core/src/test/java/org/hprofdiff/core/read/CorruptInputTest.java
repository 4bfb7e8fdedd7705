package org.hprofdiff.core.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hprofdiff.testdata.synth.GcRoot;
import org.hprofdiff.testdata.synth.HprofWriter;
import org.hprofdiff.testdata.synth.RecordTag;
import org.hprofdiff.testdata.synth.RootKind;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Damaged variants of {@link TinyDump} (offsets as worked out there): each problem is reported at the
 * byte where it is, with what was expected; what came before it is kept, and reading goes on with the
 * next record. Plain and gzip, sequential and parallel.
 */
class CorruptInputTest {
    @TempDir Path dir;

    /** What a damaged file must give. */
    record Expect(List<String> heapLines, long problemOffset, String problem, boolean partial, long damaged) {}

    static final List<String> H = TinyDump.HEAP_LINES;

    /** TinyDump with the first segment's sub-records from {@code segment1} and the rest as usual. */
    static byte[] dump(Consumer<HprofWriter> top, Consumer<HprofWriter> segment1) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (HprofWriter w = new HprofWriter(out, 8)) {
            w.header("JAVA PROFILE 1.0.2", 0);
            w.string(0x100, "Foo");
            w.loadClass(1, 0x1000, 1, 0x100);
            top.accept(w);
            segment1.accept(w);
            w.flushHeapRecord();
            w.objectArrayDump(0x4000, 1, 0x1100, new long[] {0x2000, 0x2010});
            w.root(GcRoot.onThread(RootKind.JAVA_FRAME, 0x2000, 1, 0));
            w.endHeapDump();
        }
        return out.toByteArray();
    }

    static Consumer<HprofWriter> none() { return w -> {}; }

    /** The first segment up to and including the first instance (class 93..173, instance 173..202). */
    static void classAndFirstInstance(HprofWriter w) {
        w.classDump(org.hprofdiff.testdata.synth.ClassDump.simple(0x1000, 0, 0, 4,
                List.of(new org.hprofdiff.testdata.synth.ClassDump.InstanceField(0x101, org.hprofdiff.testdata.synth.BasicType.INT))));
        w.instanceDump(0x2000, 1, 0x1000, new byte[] {0, 0, 0, 7});
    }

    /** A heap line moved by {@code shift} bytes (its " at N" suffix). */
    static String shifted(String line, int shift) {
        int at = line.lastIndexOf(" at ");
        if (at < 0) return line;
        return line.substring(0, at + 4) + (Long.parseLong(line.substring(at + 4)) + shift);
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        // 1. an unknown sub-record tag where the second instance was (202): the record's rest (202..263) is lost
        cases.add(Arguments.of("unknown sub-record tag", dump(none(), w -> {
            classAndFirstInstance(w);
            w.rawSubRecord(new byte[] {0x42, 1, 2, 3});
            w.instanceDump(0x2010, 1, 0x1000, new byte[] {0, 0, 0, 8});
            w.primitiveArrayDump(0x3000, 1, new byte[10]);
        }), new Expect(List.of(H.get(0), H.get(1), shifted(H.get(4), 4), H.get(5)), 202,
                "heap data skipped: unknown heap sub-record tag 0x42 at byte 202 in the heap record at byte 84; expected a GC root "
                        + "(0x01-0x08, 0x89-0x8e, 0xff), class (0x20), instance (0x21), array (0x22, 0x23, 0xc3), unreachable (0x90) "
                        + "or heap info (0xfe); the rest of the heap record (61 bytes) skipped", true, 1)));
        // 2. the second instance declares 1000 bytes of fields in a record that ends at 259
        cases.add(Arguments.of("instance length past its record", dump(none(), w -> {
            classAndFirstInstance(w);
            w.rawSubRecord(new RawBytes().u1(0x21).id(0x2010, 8).u4(1).id(0x1000, 8).u4(1000).u4(8).toByteArray());
            w.primitiveArrayDump(0x3000, 1, new byte[10]);
        }), new Expect(List.of(H.get(0), H.get(1), H.get(4), H.get(5)), 202,
                "heap data skipped: instance dump at byte 202 declares 1000 bytes of data, past the end of its heap record at byte 259; "
                        + "the rest of the heap record (57 bytes) skipped", true, 1)));
        // 3. the segment ends 5 bytes into an instance's 25-byte header (202 + 5 = 207)
        cases.add(Arguments.of("sub-record header past its record", dump(none(), w -> {
            classAndFirstInstance(w);
            w.rawSubRecord(new byte[] {0x21, 0, 0, 0, 0});
        }), new Expect(List.of(H.get(0), H.get(1), shifted(H.get(4), -52), H.get(5)), 202,
                "heap data skipped: instance dump at byte 202 needs 25 bytes, past the end of its heap record at byte 207; "
                        + "the rest of the heap record (5 bytes) skipped", true, 1)));
        // 4. a primitive array of element type 2 (object) at 231
        cases.add(Arguments.of("primitive array of objects", dump(none(), w -> {
            classAndFirstInstance(w);
            w.instanceDump(0x2010, 1, 0x1000, new byte[] {0, 0, 0, 8});
            w.rawSubRecord(new RawBytes().u1(0x23).id(0x3000, 8).u4(1).u4(10).u1(2).bytes(new byte[10]).toByteArray());
        }), new Expect(List.of(H.get(0), H.get(1), H.get(2), H.get(4), H.get(5)), 231,
                "heap data skipped: prim array dump at byte 231 has element type 2; expected a primitive type code (4-11); "
                        + "the rest of the heap record (28 bytes) skipped", true, 1)));
        // 5. a class dump whose one field has type code 3 (its type byte is the class dump's last, at 93 + 80 - 1)
        cases.add(Arguments.of("class field of type 3", dump(none(), w -> {
            w.rawSubRecord(classDump(0x1000, 1, 3));
            w.instanceDump(0x2000, 1, 0x1000, new byte[] {0, 0, 0, 7});
        }), new Expect(List.of(shifted(H.get(4), -57), H.get(5)), 93,
                "heap data skipped: class dump at byte 93 has type code 3 at byte 172; expected a basic type code (2, 4-11); "
                        + "the rest of the heap record (109 bytes) skipped", true, 1)));
        // 6. the segment's last sub-record is a class dump (at 122, after an instance at 93..122) that claims 100 fields
        //    but holds one (193..202): the second field would start at 202, the record's end
        cases.add(Arguments.of("class dump past its record", dump(none(), w -> {
            w.instanceDump(0x2000, 1, 0x1000, new byte[] {0, 0, 0, 7});
            w.rawSubRecord(classDump(0x1000, 100, 10));
        }), new Expect(List.of("instance 0x2000 class 0x1000 fields 00000007 at 118", shifted(H.get(4), -57), H.get(5)), 122,
                "heap data skipped: class dump at byte 122 runs past the end of its heap record at byte 202 (reading 9 bytes at byte 202); "
                        + "the rest of the heap record (80 bytes) skipped", true, 1)));
        // 7. an unknown top-level record at 84: skipped by its length (9 + 5), everything else 14 bytes later
        List<String> all14 = H.stream().map(l -> shifted(l, 14)).toList();
        cases.add(Arguments.of("unknown top-level tag", dump(w -> w.record(0x42, new byte[5]), TinyDump::firstSegment),
                new Expect(all14, 84, "unknown record tag 0x42 at byte 84 (5 bytes) skipped; expected a tag defined by hprof 1.0.x", false, 0)));
        // 8. LOAD_CLASS (at 51) with a 10-byte body, too short for u4 + id + u4 + id = 24
        cases.add(Arguments.of("short LOAD_CLASS", dumpWithTopRecords(w -> w.record(RecordTag.LOAD_CLASS, new byte[10])),
                new Expect(H.stream().map(l -> shifted(l, -14)).toList(), 51,
                        "LOAD_CLASS record at byte 51 declares 10 bytes; expected at least 24; skipped", false, 0)));
        // 9. STACK_TRACE (at 51) declaring 1000 frames in a 20-byte body
        cases.add(Arguments.of("stack trace with too many frames", dumpWithTopRecords(w -> w.record(RecordTag.STACK_TRACE,
                        new RawBytes().u4(1).u4(1).u4(1000).id(0x77, 8).toByteArray())),
                new Expect(H.stream().map(l -> shifted(l, -4)).toList(), 51,
                        "STACK_TRACE record at byte 51 declares 1000 frames, more than its 20 bytes hold; skipped", false, 0)));
        return cases.stream();
    }

    /** TinyDump's STRING, then {@code afterString} instead of its LOAD_CLASS, then its heap dump. */
    static byte[] dumpWithTopRecords(Consumer<HprofWriter> afterString) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (HprofWriter w = new HprofWriter(out, 8)) {
            w.header("JAVA PROFILE 1.0.2", 0);
            w.string(0x100, "Foo");
            afterString.accept(w);
            TinyDump.firstSegment(w);
            w.flushHeapRecord();
            w.objectArrayDump(0x4000, 1, 0x1100, new long[] {0x2000, 0x2010});
            w.root(GcRoot.onThread(RootKind.JAVA_FRAME, 0x2000, 1, 0));
            w.endHeapDump();
        }
        return out.toByteArray();
    }

    /** A CLASS_DUMP with 8-byte ids, no constants or statics, declaring {@code fieldCount} fields but holding one of {@code type}. */
    static byte[] classDump(long classId, int fieldCount, int type) {
        RawBytes b = new RawBytes().u1(0x20).id(classId, 8).u4(1);
        for (int i = 0; i < 6; i++) b.id(0, 8);
        return b.u4(4).u2(0).u2(0).u2(fieldCount).id(0x101, 8).u1(type).toByteArray();
    }

    static Stream<Arguments> casesInEveryForm() {
        List<Arguments> all = new ArrayList<>();
        cases().forEach(c -> {
            for (TinyDump.Form form : List.of(TinyDump.Form.PLAIN, TinyDump.Form.GZIP)) {
                for (Reads.Mode mode : Reads.Mode.values()) all.add(Arguments.of(c.get()[0], form, mode, c.get()[1], c.get()[2]));
            }
        });
        return all.stream();
    }

    @ParameterizedTest(name = "{0} ({1}, {2})")
    @MethodSource("casesInEveryForm")
    void problemIsReportedWhereItIsAndTheRestIsRead(String name, TinyDump.Form form, Reads.Mode mode, byte[] content, Expect expect) throws Exception {
        Reads.Outcome out = Reads.read(form.write(dir.resolve("damaged.hprof"), content), mode);
        ReadResult r = out.result();
        assertEquals(Reads.inModeOrder(expect.heapLines(), mode), out.heap());
        assertEquals(1, r.problems().size(), () -> r.problems().toString());
        assertEquals(expect.problemOffset(), r.problems().get(0).offset());
        assertEquals(expect.problem(), r.problems().get(0).message());
        assertEquals(expect.partial(), r.isPartial());
        assertEquals(expect.damaged(), r.damagedHeapRecords());
        assertTrue(r.truncation().isEmpty(), () -> r.truncation().toString());
        assertFalse(r.dumpComplete() == false, "the dump itself is whole");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void recordLengthPastTheEndOfTheFileIsATruncation(Reads.Mode mode) throws Exception {
        // the second segment (259) declares 1000 bytes; the file ends at 335, after HEAP_DUMP_END's 9 bytes at 326,
        // which are then read as heap data: tag 0x2c is no sub-record
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (HprofWriter w = new HprofWriter(bytes, 8)) {
            w.header("JAVA PROFILE 1.0.2", 0);
            w.string(0x100, "Foo");
            w.loadClass(1, 0x1000, 1, 0x100);
            TinyDump.firstSegment(w);
            w.flushHeapRecord();
            w.recordWithDeclaredLength(RecordTag.HEAP_DUMP_SEGMENT, 1000, new RawBytes()
                    .u1(0x22).id(0x4000, 8).u4(1).u4(2).id(0x1100, 8).id(0x2000, 8).id(0x2010, 8)
                    .u1(0x03).id(0x2000, 8).u4(1).u4(0).toByteArray());
            w.heapDumpEnd();
        }
        byte[] content = bytes.toByteArray();
        Reads.Outcome out = Reads.read(TinyDump.Form.PLAIN.write(dir.resolve("long.hprof"), content), mode);
        assertEquals(Reads.inModeOrder(H, mode), out.heap());
        ReadResult r = out.result();
        assertEquals(335, r.truncation().orElseThrow().offset());
        assertTrue(r.truncation().get().message().startsWith("the data ends at byte 335, inside the HEAP_DUMP_SEGMENT record at byte 259 "
                + "that declares 1000 bytes (truncated file, 933 bytes missing)"), r.truncation().get().message());
        assertEquals(326, r.problems().get(0).offset());
        assertTrue(r.problems().get(0).message().startsWith("heap data skipped: unknown heap sub-record tag 0x2c at byte 326"));
        assertTrue(r.isPartial());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void recordLengthTooShortStopsAtTheCutSubRecordAndReadingSurvivesTheGarbageAfter(Reads.Mode mode) throws Exception {
        // the first segment (84, body from 93) declares 120 bytes instead of 166: it ends at 213, 11 bytes into the
        // second instance (202); what follows is read as records made of that instance's and the array's bytes
        byte[] content = dump(none(), w -> {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            try (HprofWriter inner = new HprofWriter(body, 8).framing(HprofWriter.HeapFraming.HEAP_DUMP)) {
                TinyDump.firstSegment(inner);
            }
            byte[] record = body.toByteArray(); // 9-byte record header + 166 bytes of sub-records
            w.recordWithDeclaredLength(RecordTag.HEAP_DUMP_SEGMENT, 120, java.util.Arrays.copyOfRange(record, 9, record.length));
        });
        Reads.Outcome out = Reads.read(TinyDump.Form.PLAIN.write(dir.resolve("short.hprof"), content), mode);
        assertEquals(H.subList(0, 2), out.heap()); // class dump and first instance (sorted order is file order here)
        ReadResult.Problem first = out.result().problems().get(0);
        assertEquals(202, first.offset());
        assertEquals("heap data skipped: instance dump at byte 202 needs 25 bytes, past the end of its heap record at byte 213; "
                + "the rest of the heap record (11 bytes) skipped", first.message());
        assertTrue(out.result().isPartial());
        // the garbage: at 213 a "record" of tag 0x00 and length 16 (bytes 218..222 of the instance), then at 238 one of
        // tag 0x30 whose length (16777216) runs past the end of the file
        assertEquals(List.of(202L, 213L, 238L), out.result().problems().stream().map(ReadResult.Problem::offset).toList());
        assertTrue(out.result().truncation().orElseThrow().message().startsWith("the data ends at byte 335, inside the 0x30 record at byte 238"),
                out.result().truncation().get().message());
    }

    static Stream<Reads.Mode> modes() {
        return Stream.of(Reads.Mode.values());
    }
}
